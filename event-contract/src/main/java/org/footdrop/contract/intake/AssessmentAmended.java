package org.footdrop.contract.intake;

import java.util.UUID;
import org.footdrop.contract.EventType;

/** An assessment was corrected: the full new state at the next revision. */
public record AssessmentAmended(UUID assessmentId, int revision, Assessment assessment)
        implements IntakeState<Assessment> {

    @Override
    public UUID recordId() {
        return assessmentId;
    }

    @Override
    public Assessment state() {
        return assessment;
    }

    @Override
    public EventType eventType() {
        return EventType.ASSESSMENT_AMENDED;
    }
}
