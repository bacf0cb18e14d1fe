package org.footdrop.contract.treatment;

import java.util.UUID;
import org.footdrop.contract.EventType;

/** A therapy prescription was corrected: the full new state at the next revision. */
public record TherapyAmended(UUID therapyId, int revision, Therapy therapy) implements TreatmentState<Therapy> {

    @Override
    public UUID recordId() {
        return therapyId;
    }

    @Override
    public Therapy state() {
        return therapy;
    }

    @Override
    public EventType eventType() {
        return EventType.THERAPY_AMENDED;
    }
}
