package org.footdrop.treatment.therapy;

import java.time.LocalDate;
import org.footdrop.contract.treatment.Therapy;
import org.footdrop.contract.vocabulary.EnergyModality;
import org.footdrop.contract.vocabulary.TherapyType;

/**
 * A therapy prescription as stored, the storage schema of its collection: mapped from the request,
 * so that a change of the API's body never changes stored documents or the fingerprints of
 * answered requests.
 */
record TherapyState(
        String patientId,
        TherapyType type,
        EnergyModality modality,
        LocalDate startDate,
        Integer sessionsPerWeek,
        Integer plannedWeeks,
        LocalDate endDate) {

    static TherapyState of(TherapyRequest t) {
        return new TherapyState(
                t.patientId(),
                t.type(),
                t.modality(),
                t.startDate(),
                t.sessionsPerWeek(),
                t.plannedWeeks(),
                t.endDate());
    }

    /** The state in the API's words, as responses show it. */
    TherapyRequest toRequest() {
        return new TherapyRequest(patientId, type, modality, startDate, sessionsPerWeek, plannedWeeks, endDate);
    }

    /** The facts on the wire; planned sessions are computed from them as every reader does. */
    Therapy toContract() {
        return new Therapy(type, modality, startDate, sessionsPerWeek, plannedWeeks, endDate);
    }
}
