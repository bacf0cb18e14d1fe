package org.footdrop.treatment.therapy;

import java.time.LocalDate;
import java.util.UUID;

/** A logged session as stored: it belongs to its therapy and, through it, to the patient. */
public record TherapySessionState(String patientId, UUID therapyId, LocalDate date, Boolean attended) {

    /** The session a request logs against this therapy of this patient. */
    static TherapySessionState of(String patientId, UUID therapyId, TherapySessionRequest request) {
        return new TherapySessionState(patientId, therapyId, request.date(), request.attended());
    }
}
