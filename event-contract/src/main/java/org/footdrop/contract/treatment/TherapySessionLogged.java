package org.footdrop.contract.treatment;

import java.util.UUID;
import org.footdrop.contract.EventType;

/**
 * A session of a prescribed therapy was logged, or its log corrected (a higher revision of the same
 * sessionId) or voided ({@code voided} true, final). The record is the session.
 */
public record TherapySessionLogged(UUID sessionId, int revision, UUID therapyId, TherapySession session, boolean voided)
        implements TreatmentPayload {

    @Override
    public UUID recordId() {
        return sessionId;
    }

    @Override
    public EventType eventType() {
        return EventType.THERAPY_SESSION_LOGGED;
    }
}
