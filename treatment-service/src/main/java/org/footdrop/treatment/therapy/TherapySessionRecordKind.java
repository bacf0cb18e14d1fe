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
class TherapySessionRecordKind extends NamedRecordKind<TherapySessionState> {

    private final ZoneId clinicZone;

    TherapySessionRecordKind(ClinicCalendar calendar) {
        super(
                "therapy_sessions",
                "Therapy session",
                "POST /api/v1/therapies/{therapyId}/sessions",
                "treatment-service",
                TherapySessionState.class);
        this.clinicZone = calendar.clinicZone();
    }

    @Override
    public String patientId(TherapySessionState state) {
        return state.patientId();
    }

    @Override
    public Instant occurredAt(TherapySessionState state) {
        return state.date().atStartOfDay(clinicZone).toInstant();
    }

    @Override
    public EventPayload recorded(UUID id, TherapySessionState state) {
        return logged(id, 1, state, false);
    }

    @Override
    public EventPayload amended(UUID id, int revision, TherapySessionState state) {
        return logged(id, revision, state, false);
    }

    @Override
    public EventPayload voided(UUID id, int revision, TherapySessionState lastState) {
        return logged(id, revision, lastState, true);
    }

    private static EventPayload logged(UUID id, int revision, TherapySessionState s, boolean voided) {
        return new TherapySessionLogged(
                id,
                revision,
                s.therapyId(),
                new org.footdrop.contract.treatment.TherapySession(s.date(), s.attended()),
                voided);
    }
}
