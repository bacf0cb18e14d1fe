package org.footdrop.treatment.therapy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.footdrop.support.record.ClinicalRecords;
import org.footdrop.support.record.RecordStatus;
import org.footdrop.support.record.StoredRecord;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.FieldProblem;
import org.footdrop.support.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Therapy prescriptions and their logged sessions, with adherence = attended / planned. */
@Service
class TherapyService {

    private final ClinicalRecords records;
    private final TherapyKind therapies;
    private final TherapySessionKind sessions;

    TherapyService(ClinicalRecords records, TherapyKind therapies, TherapySessionKind sessions) {
        this.records = records;
        this.therapies = therapies;
        this.sessions = sessions;
    }

    /** A prescription with what was logged against it. */
    record Adherence(int plannedSessions, int loggedSessions, int attendedSessions, BigDecimal adherence) {}

    StoredRecord<TherapyRequest> prescribe(TherapyRequest request, String caller, String key, String correlationId) {
        check(TherapyRules.check(request));
        return records.create(therapies, request, caller, key, correlationId).record();
    }

    StoredRecord<TherapyRequest> find(UUID id) {
        return records.find(therapies, id);
    }

    List<StoredRecord<TherapyRequest>> findByPatient(String patientId) {
        return records.findByPatient(therapies, patientId);
    }

    StoredRecord<TherapyRequest> amend(
            UUID id, int expectedRevision, TherapyRequest request, String caller, String key, String correlationId) {
        check(TherapyRules.check(request));
        return records.amend(therapies, id, expectedRevision, request, caller, key, correlationId);
    }

    StoredRecord<TherapyRequest> voidTherapy(
            UUID id, Integer expectedRevision, String reason, String caller, String key, String correlationId) {
        return records.voidRecord(therapies, id, expectedRevision, reason, caller, key, correlationId);
    }

    StoredRecord<TherapySession> logSession(
            UUID therapyId, TherapySessionRequest request, String caller, String key, String correlationId) {
        StoredRecord<TherapyRequest> therapy = activeTherapy(therapyId);
        check(TherapyRules.checkSession(request, therapy.state()));
        var session = new TherapySession(therapy.patientId(), therapyId, request.date(), request.attended());
        return records.create(sessions, session, caller, key, correlationId).record();
    }

    List<StoredRecord<TherapySession>> sessionsOf(UUID therapyId) {
        StoredRecord<TherapyRequest> therapy = find(therapyId);
        return records.findByPatient(sessions, therapy.patientId()).stream()
                .filter(s -> s.state().therapyId().equals(therapyId))
                .toList();
    }

    StoredRecord<TherapySession> amendSession(
            UUID therapyId,
            UUID sessionId,
            int expectedRevision,
            TherapySessionRequest request,
            String caller,
            String key,
            String correlationId) {
        StoredRecord<TherapyRequest> therapy = activeTherapy(therapyId);
        requireSessionOf(therapyId, sessionId);
        check(TherapyRules.checkSession(request, therapy.state()));
        var session = new TherapySession(therapy.patientId(), therapyId, request.date(), request.attended());
        return records.amend(sessions, sessionId, expectedRevision, session, caller, key, correlationId);
    }

    StoredRecord<TherapySession> voidSession(
            UUID therapyId,
            UUID sessionId,
            Integer expectedRevision,
            String reason,
            String caller,
            String key,
            String correlationId) {
        requireSessionOf(therapyId, sessionId);
        return records.voidRecord(sessions, sessionId, expectedRevision, reason, caller, key, correlationId);
    }

    Adherence adherence(StoredRecord<TherapyRequest> therapy) {
        int planned = TherapyRules.plannedSessions(therapy.state());
        List<StoredRecord<TherapySession>> logged = sessionsOf(therapy.id()).stream()
                .filter(s -> s.status() == RecordStatus.ACTIVE)
                .toList();
        int attended = (int) logged.stream()
                .filter(s -> Boolean.TRUE.equals(s.state().attended()))
                .count();
        BigDecimal ratio = BigDecimal.valueOf(attended).divide(BigDecimal.valueOf(planned), 3, RoundingMode.HALF_UP);
        return new Adherence(planned, logged.size(), attended, ratio);
    }

    private StoredRecord<TherapyRequest> activeTherapy(UUID therapyId) {
        StoredRecord<TherapyRequest> therapy = find(therapyId);
        if (therapy.status() == RecordStatus.VOIDED) {
            throw new ClinicalProblemException(
                    HttpStatus.CONFLICT,
                    ProblemTypes.CONFLICT,
                    "Therapy " + therapyId + " was voided; its sessions count nowhere",
                    List.of());
        }
        return therapy;
    }

    private void requireSessionOf(UUID therapyId, UUID sessionId) {
        if (!records.find(sessions, sessionId).state().therapyId().equals(therapyId)) {
            throw ClinicalProblemException.notFound("Session " + sessionId + " of therapy " + therapyId);
        }
    }

    private static void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw ClinicalProblemException.invalid(new ArrayList<>(problems));
        }
    }
}
