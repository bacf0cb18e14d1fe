package org.footdrop.fhir.condition;

import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.util.List;
import org.footdrop.fhir.patient.FhirPatients;
import org.footdrop.fhir.records.IntakeApi;
import org.footdrop.fhir.records.RecordMap;
import org.footdrop.fhir.records.RecordProvider;
import org.footdrop.fhir.records.RecordResources;
import org.footdrop.fhir.server.ResourceValidator;
import org.hl7.fhir.r4.model.Condition;
import org.springframework.stereotype.Component;

/** Conditions are intake-service's diagnoses, written through its API with the caller's token. */
@Component
public class ConditionProvider extends RecordProvider<Condition> {

    public ConditionProvider(
            IntakeApi intake, FhirPatients patients, RecordMap identifiers, ResourceValidator validator) {
        super(new RecordResources<>(new ConditionMapping(), intake.api(), patients, identifiers, validator));
    }

    @Search
    public List<Condition> byPatient(@RequiredParam(name = Condition.SP_PATIENT) ReferenceParam patient) {
        return records().byPatient(patient.getIdPart());
    }
}
