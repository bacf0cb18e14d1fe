package org.footdrop.contract.treatment;

import java.util.UUID;
import org.footdrop.contract.EventType;

/** A therapy prescription was entered in error. Final, with its sessions. */
public record TherapyVoided(UUID therapyId, int revision) implements TreatmentPayload {

    @Override
    public UUID recordId() {
        return therapyId;
    }

    @Override
    public EventType eventType() {
        return EventType.THERAPY_VOIDED;
    }
}
