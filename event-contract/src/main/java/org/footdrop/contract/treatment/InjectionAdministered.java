package org.footdrop.contract.treatment;

import java.util.UUID;
import org.footdrop.contract.EventType;

/** An injection was given (revision 1). */
public record InjectionAdministered(UUID injectionId, int revision, Injection injection)
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
        return EventType.INJECTION_ADMINISTERED;
    }
}
