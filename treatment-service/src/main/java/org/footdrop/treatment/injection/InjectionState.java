package org.footdrop.treatment.injection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.footdrop.contract.vocabulary.AdverseEventType;
import org.footdrop.contract.vocabulary.Guidance;
import org.footdrop.contract.vocabulary.InjectionTarget;
import org.footdrop.contract.vocabulary.InjectionTechnique;
import org.footdrop.contract.vocabulary.NerveRootLevel;
import org.footdrop.contract.vocabulary.PrpLeukocytes;
import org.footdrop.contract.vocabulary.Severity;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.contract.vocabulary.Solution;

/**
 * An injection as stored, the storage schema of its collection: mapped from the request, so that a
 * change of the API's body never changes stored documents or the fingerprints of answered requests.
 * Field names and order are those of documents already stored (RecordLifecycleContract holds it).
 */
record InjectionState(
        String patientId,
        Instant administeredAt,
        InjectionTechnique technique,
        InjectionTarget target,
        NerveRootLevel targetLevel,
        Side side,
        Guidance guidance,
        Solution solution,
        PrpLeukocytes prpLeukocytes,
        BigDecimal volumeMl,
        Integer durationMinutes,
        List<AdverseEvent> adverseEvents,
        List<String> cptCodes) {

    InjectionState {
        adverseEvents = adverseEvents == null ? List.of() : adverseEvents;
        cptCodes = cptCodes == null ? List.of() : cptCodes;
    }

    /** An adverse event; the note is free text and stays in this service. */
    record AdverseEvent(AdverseEventType type, Severity severity, Boolean resolved, String note) {}

    static InjectionState of(InjectionRequest i) {
        return new InjectionState(
                i.patientId(),
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
                        .map(a -> new AdverseEvent(a.type(), a.severity(), a.resolved(), a.note()))
                        .toList(),
                i.cptCodes());
    }

    /** The state in the API's words, as responses show it. */
    InjectionRequest toRequest() {
        return new InjectionRequest(
                patientId,
                administeredAt,
                technique,
                target,
                targetLevel,
                side,
                guidance,
                solution,
                prpLeukocytes,
                volumeMl,
                durationMinutes,
                adverseEvents.stream()
                        .map(a -> new AdverseEventRequest(a.type(), a.severity(), a.resolved(), a.note()))
                        .toList(),
                cptCodes);
    }
}
