package org.footdrop.contract.intake;

import java.util.UUID;
import org.footdrop.contract.EventType;

/** A diagnosis was entered in error. Final: it counts nowhere. The free-text reason stays in intake. */
public record DiagnosisVoided(UUID diagnosisId, int revision) implements IntakePayload {

    @Override
    public UUID recordId() {
        return diagnosisId;
    }

    @Override
    public EventType eventType() {
        return EventType.DIAGNOSIS_VOIDED;
    }
}
