package org.footdrop.contract.treatment;

import java.util.UUID;
import org.footdrop.contract.EventType;

/** An adjunct therapy was prescribed (revision 1). */
public record TherapyPrescribed(UUID therapyId, int revision, Therapy therapy) implements TreatmentState<Therapy> {

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
        return EventType.THERAPY_PRESCRIBED;
    }
}
