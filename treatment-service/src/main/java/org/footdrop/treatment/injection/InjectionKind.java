package org.footdrop.treatment.injection;

import java.time.Instant;
import java.util.UUID;
import org.footdrop.contract.EventPayload;
import org.footdrop.contract.treatment.AdverseEvent;
import org.footdrop.contract.treatment.Injection;
import org.footdrop.contract.treatment.InjectionAdministered;
import org.footdrop.contract.treatment.InjectionAmended;
import org.footdrop.contract.treatment.InjectionVoided;
import org.footdrop.support.record.NamedRecordKind;
import org.springframework.stereotype.Component;

/** How injections are stored and which events they publish: facts only, never derived values. */
@Component
class InjectionKind extends NamedRecordKind<InjectionRequest> {

    static final String COLLECTION = "injections";

    InjectionKind() {
        super(COLLECTION, "Injection", "POST /api/v1/injections", "treatment-service", InjectionRequest.class);
    }

    @Override
    public String patientId(InjectionRequest state) {
        return state.patientId();
    }

    @Override
    public Instant occurredAt(InjectionRequest state) {
        return state.administeredAt();
    }

    @Override
    public EventPayload recorded(UUID id, InjectionRequest state) {
        return new InjectionAdministered(id, 1, toContract(state));
    }

    @Override
    public EventPayload amended(UUID id, int revision, InjectionRequest state) {
        return new InjectionAmended(id, revision, toContract(state));
    }

    @Override
    public EventPayload voided(UUID id, int revision, InjectionRequest lastState) {
        return new InjectionVoided(id, revision);
    }

    /** The facts on the wire; adverse-event notes (free text) stay here. */
    static Injection toContract(InjectionRequest i) {
        return new Injection(
                i.administeredAt(),
                i.technique(),
                i.target(),
                i.targetLevel(),
                i.side(),
                i.guidance(),
                i.solution(),
                i.prpLeukocytes(),
                i.volumeMl(),
                i.durationMinutes(),
                i.adverseEvents().stream()
                        .map(a -> new AdverseEvent(a.type(), a.severity(), a.resolved()))
                        .toList(),
                i.cptCodes());
    }
}
