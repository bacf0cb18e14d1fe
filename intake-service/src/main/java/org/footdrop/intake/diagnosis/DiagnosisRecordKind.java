package org.footdrop.intake.diagnosis;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.footdrop.contract.EventPayload;
import org.footdrop.contract.intake.Diagnosis;
import org.footdrop.contract.intake.DiagnosisAmended;
import org.footdrop.contract.intake.DiagnosisRecorded;
import org.footdrop.contract.intake.DiagnosisVoided;
import org.footdrop.contract.intake.Evaluation;
import org.footdrop.support.clinic.ClinicCalendar;
import org.footdrop.support.record.NamedRecordKind;
import org.springframework.stereotype.Component;

/** How diagnoses are stored and which events they publish. */
@Component
class DiagnosisRecordKind extends NamedRecordKind<DiagnosisState> {

    static final String COLLECTION = "diagnoses";

    private final ZoneId clinicZone;

    DiagnosisRecordKind(ClinicCalendar calendar) {
        super(COLLECTION, "Diagnosis", "POST /api/v1/diagnoses", "intake-service", DiagnosisState.class);
        this.clinicZone = calendar.clinicZone();
    }

    @Override
    public String patientId(DiagnosisState state) {
        return state.patientId();
    }

    /** A diagnosis happens on a calendar day: the start of that day in the clinic's time zone. */
    @Override
    public Instant occurredAt(DiagnosisState state) {
        return state.diagnosisDate().atStartOfDay(clinicZone).toInstant();
    }

    @Override
    public EventPayload recorded(UUID id, DiagnosisState state) {
        return new DiagnosisRecorded(id, 1, toContract(state));
    }

    @Override
    public EventPayload amended(UUID id, int revision, DiagnosisState state) {
        return new DiagnosisAmended(id, revision, toContract(state));
    }

    @Override
    public EventPayload voided(UUID id, int revision, DiagnosisState lastState) {
        return new DiagnosisVoided(id, revision);
    }

    /** The clinical facts on the wire: evaluation notes (free text) stay here. */
    static Diagnosis toContract(DiagnosisState r) {
        List<Evaluation> evaluations = r.evaluations() == null
                ? List.of()
                : r.evaluations().stream()
                        .map(e -> new Evaluation(e.kind(), e.modality(), e.finding()))
                        .toList();
        return new Diagnosis(
                r.birthYear(),
                r.sex(),
                r.side(),
                r.indexSide(),
                r.diagnosisDate(),
                r.symptomOnsetDate(),
                r.causeCategory(),
                r.mechanism(),
                r.nerveRootLevel(),
                r.spasticity(),
                r.icd10Codes(),
                evaluations);
    }
}
