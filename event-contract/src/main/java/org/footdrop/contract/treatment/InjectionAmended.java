package org.footdrop.contract.treatment;

import java.util.UUID;
import org.footdrop.contract.EventType;

/** An injection record was corrected: the full new state at the next revision. */
public record InjectionAmended(UUID injectionId, int revision, Injection injection)
        implements TreatmentState<Injection> {

    @Override
    public UUID recordId() {
        return injectionId;
    }

    @Override
    public Injection state() {
        return injection;
    }

    @Override
    public EventType eventType() {
        return EventType.INJECTION_AMENDED;
    }
}
