package org.footdrop.contract.intake;

import java.util.UUID;
import org.footdrop.contract.EventType;

/** A diagnosis was recorded (revision 1). */
public record DiagnosisRecorded(UUID diagnosisId, int revision, Diagnosis diagnosis) implements IntakeState<Diagnosis> {

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
        return EventType.DIAGNOSIS_RECORDED;
    }
}
