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
class InjectionRecordKind extends NamedRecordKind<InjectionState> {

    static final String COLLECTION = "injections";

    InjectionRecordKind() {
        super(COLLECTION, "Injection", "POST /api/v1/injections", "treatment-service", InjectionState.class);
    }

    @Override
    public String patientId(InjectionState state) {
        return state.patientId();
    }

    @Override
    public Instant occurredAt(InjectionState state) {
        return state.administeredAt();
    }

    @Override
    public EventPayload recorded(UUID id, InjectionState state) {
        return new InjectionAdministered(id, 1, toContract(state));
    }

    @Override
    public EventPayload amended(UUID id, int revision, InjectionState state) {
        return new InjectionAmended(id, revision, toContract(state));
    }

    @Override
    public EventPayload voided(UUID id, int revision, InjectionState lastState) {
        return new InjectionVoided(id, revision);
    }

    /** The facts on the wire; adverse-event notes (free text) stay here. */
    static Injection toContract(InjectionState i) {
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
