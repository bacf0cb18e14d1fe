package org.footdrop.contract.treatment;

import java.util.UUID;
import org.footdrop.contract.EventType;

/**
 * A session of a prescribed therapy was logged, or its log corrected (a higher revision of the same
 * sessionId) or voided ({@code voided} true, final). The record is the session.
 */
public record TherapySessionLogged(UUID sessionId, int revision, UUID therapyId, TherapySession session, boolean voided)
        implements TreatmentState<TherapySession> {

    @Override
    public UUID recordId() {
        return sessionId;
    }

    @Override
    public TherapySession state() {
        return session;
    }

    /** A session's log voids it by saying so, under the one event type sessions have. */
    @Override
    public boolean voidsRecord() {
        return voided;
    }

    @Override
    public EventType eventType() {
        return EventType.THERAPY_SESSION_LOGGED;
    }
}
