package org.footdrop.contract.intake;

import java.util.UUID;
import org.footdrop.contract.EventType;

/** A diagnosis was corrected: the full new state at the next revision. */
public record DiagnosisAmended(UUID diagnosisId, int revision, Diagnosis diagnosis) implements IntakeState<Diagnosis> {

    @Override
    public UUID recordId() {
        return diagnosisId;
    }

    @Override
    public Diagnosis state() {
        return diagnosis;
    }

    @Override
    public EventType eventType() {
        return EventType.DIAGNOSIS_AMENDED;
    }
}
