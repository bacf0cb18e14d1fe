package org.footdrop.contract.treatment;

import java.util.UUID;
import org.footdrop.contract.EventType;

/** An injection was entered in error. Final: it counts nowhere. */
public record InjectionVoided(UUID injectionId, int revision) implements TreatmentPayload {

    @Override
    public UUID recordId() {
        return injectionId;
    }

    @Override
    public EventType eventType() {
        return EventType.INJECTION_VOIDED;
    }
}
