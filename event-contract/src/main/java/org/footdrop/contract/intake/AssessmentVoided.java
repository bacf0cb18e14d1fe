package org.footdrop.contract.intake;

import java.util.UUID;
import org.footdrop.contract.EventType;

/** An assessment was entered in error. Final: it counts nowhere. */
public record AssessmentVoided(UUID assessmentId, int revision) implements IntakePayload {

    @Override
    public UUID recordId() {
        return assessmentId;
    }

    @Override
    public EventType eventType() {
        return EventType.ASSESSMENT_VOIDED;
    }
}
