package org.footdrop.treatment.therapy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.footdrop.contract.EventPayload;
import org.footdrop.contract.treatment.TherapySessionLogged;
import org.footdrop.support.clinic.ClinicCalendar;
import org.footdrop.support.record.NamedRecordKind;
import org.springframework.stereotype.Component;

/**
 * Logged sessions are records of their own: every revision, including the void, is a
 * TherapySessionLogged of the session with its revision (and {@code voided} on the last).
 */
@Component
class TherapySessionKind extends NamedRecordKind<TherapySession> {

    private final ZoneId clinicZone;

    TherapySessionKind(ClinicCalendar calendar) {
        super(
                "therapy_sessions",
                "Therapy session",
                "POST /api/v1/therapies/{therapyId}/sessions",
                "treatment-service",
                TherapySession.class);
        this.clinicZone = calendar.clinicZone();
    }

    @Override
    public String patientId(TherapySession state) {
        return state.patientId();
    }

    @Override
    public Instant occurredAt(TherapySession state) {
        return state.date().atStartOfDay(clinicZone).toInstant();
    }

    @Override
    public EventPayload recorded(UUID id, TherapySession state) {
        return logged(id, 1, state, false);
    }

    @Override
    public EventPayload amended(UUID id, int revision, TherapySession state) {
        return logged(id, revision, state, false);
    }

    @Override
    public EventPayload voided(UUID id, int revision, TherapySession lastState) {
        return logged(id, revision, lastState, true);
    }

    private static EventPayload logged(UUID id, int revision, TherapySession s, boolean voided) {
        return new TherapySessionLogged(
                id,
                revision,
                s.therapyId(),
                new org.footdrop.contract.treatment.TherapySession(s.date(), s.attended()),
                voided);
    }
}
