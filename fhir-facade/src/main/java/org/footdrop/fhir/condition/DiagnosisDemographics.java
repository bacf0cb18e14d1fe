package org.footdrop.fhir.condition;

import java.util.LinkedHashMap;
import java.util.Map;
import org.footdrop.fhir.patient.FhirPatient;
import org.footdrop.fhir.patient.PatientCorrections;
import org.footdrop.fhir.records.IntakeApi;
import org.springframework.stereotype.Component;

/**
 * A Patient's birth year and gender carried into the patient's diagnoses through intake-service's own
 * correction ({@code PUT /api/v1/patients/{patientId}/demographics}), with the caller's token: each
 * diagnosis is amended there, with its event, without the facade reading any of them.
 */
@Component
class DiagnosisDemographics implements PatientCorrections {

    private final IntakeApi intake;

    DiagnosisDemographics(IntakeApi intake) {
        this.intake = intake;
    }

    @Override
    public void carry(FhirPatient patient) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("birthYear", patient.birthYear());
        values.put("sex", patient.sex() == null ? null : patient.sex().name());
        intake.api().put("/api/v1/patients/" + patient.patientId() + "/demographics", values, field -> switch (field) {
            case "birthYear" -> "Patient.birthDate";
            case "sex" -> "Patient.gender";
            default -> null;
        });
    }
}
