package org.footdrop.treatment.therapy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.footdrop.support.record.ClinicalRecords;
import org.footdrop.support.record.ExternalIdentifier;
import org.footdrop.support.record.RecordStatus;
import org.footdrop.support.record.StoredRecord;
import org.footdrop.support.request.RequestContext;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.FieldProblem;
import org.footdrop.support.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Therapy prescriptions and their logged sessions, with adherence = attended / planned. */
@Service
class TherapyService {

    private final ClinicalRecords records;
    private final TherapyRecordKind therapies;
    private final TherapySessionRecordKind sessions;

    TherapyService(ClinicalRecords records, TherapyRecordKind therapies, TherapySessionRecordKind sessions) {
        this.records = records;
        this.therapies = therapies;
        this.sessions = sessions;
    }

    /** A prescription with what was logged against it. */
    record Adherence(int plannedSessions, int loggedSessions, int attendedSessions, BigDecimal adherence) {}

    ClinicalRecords.Created<TherapyState> prescribe(
            TherapyRequest request, ExternalIdentifier identifier, RequestContext context) {
        return records.create(therapies, prepare(request), identifier, context);
    }

    /** The state a valid prescription stores, after the rules; a bulk import's lines pass here too. */
    TherapyState prepare(TherapyRequest request) {
        check(TherapyRules.check(request));
        return TherapyState.of(request);
    }

    /** A session of an active therapy, after the rules; a bulk import's lines pass here too. */
    TherapySessionState prepareSession(StoredRecord<TherapyState> therapy, TherapySessionRequest request) {
        check(TherapyRules.checkSession(request, therapy.state().startDate()));
        if (request.patientId() != null && !request.patientId().equals(therapy.patientId())) {
            check(List.of(new FieldProblem("patientId", "is not the patient of therapy " + therapy.id())));
        }
        if (request.therapyId() != null && !request.therapyId().equals(therapy.id())) {
            check(List.of(new FieldProblem(
                    "therapyId", "the session belongs to therapy " + therapy.id() + "; void it and log it there")));
        }
        return TherapySessionState.of(therapy.patientId(), therapy.id(), request);
    }

    StoredRecord<TherapyState> find(UUID id) {
        return records.find(therapies, id);
    }

    List<StoredRecord<TherapyState>> findByPatient(String patientId) {
        return records.findByPatient(therapies, patientId);
    }

    StoredRecord<TherapyState> amend(UUID id, int expectedRevision, TherapyRequest request, RequestContext context) {
        return records.amend(therapies, id, expectedRevision, prepare(request), context);
    }

    StoredRecord<TherapyState> voidTherapy(UUID id, Integer expectedRevision, String reason, RequestContext context) {
        return records.voidRecord(therapies, id, expectedRevision, reason, context);
    }

    ClinicalRecords.Created<TherapySessionState> logSession(
            UUID therapyId, TherapySessionRequest request, ExternalIdentifier identifier, RequestContext context) {
        // a retry first: the therapy may have been voided or amended since the session was logged
        StoredRecord<TherapyState> logged = find(therapyId);
        var before = records.createdBefore(
                sessions, TherapySessionState.of(logged.patientId(), logged.id(), request), identifier, context);
        if (before.isPresent()) {
            return before.get();
        }
        StoredRecord<TherapyState> therapy = activeTherapy(therapyId);
        var session = prepareSession(therapy, request);
        return records.create(sessions, session, identifier, context);
    }

    StoredRecord<TherapySessionState> findSession(UUID sessionId) {
        return records.find(sessions, sessionId);
    }

    /** The patient's sessions of every therapy, oldest first; voided ones included, marked so. */
    List<StoredRecord<TherapySessionState>> sessionsOfPatient(String patientId) {
        return records.findByPatient(sessions, patientId);
    }

    List<StoredRecord<TherapySessionState>> sessionsOf(UUID therapyId) {
        StoredRecord<TherapyState> therapy = find(therapyId);
        return records.findByPatient(sessions, therapy.patientId()).stream()
                .filter(s -> s.state().therapyId().equals(therapyId))
                .toList();
    }

    StoredRecord<TherapySessionState> amendSession(
            UUID therapyId,
            UUID sessionId,
            int expectedRevision,
            TherapySessionRequest request,
            RequestContext context) {
        requireSessionOf(therapyId, sessionId);
        return amendSession(sessionId, expectedRevision, request, context);
    }

    /** A session's next revision, named by its own id: its therapy is the one it was logged for. */
    StoredRecord<TherapySessionState> amendSession(
            UUID sessionId, int expectedRevision, TherapySessionRequest request, RequestContext context) {
        StoredRecord<TherapyState> therapy =
                activeTherapy(findSession(sessionId).state().therapyId());
        var session = prepareSession(therapy, request);
        return records.amend(sessions, sessionId, expectedRevision, session, context);
    }

    StoredRecord<TherapySessionState> voidSession(
            UUID therapyId, UUID sessionId, Integer expectedRevision, String reason, RequestContext context) {
        requireSessionOf(therapyId, sessionId);
        return voidSession(sessionId, expectedRevision, reason, context);
    }

    StoredRecord<TherapySessionState> voidSession(
            UUID sessionId, Integer expectedRevision, String reason, RequestContext context) {
        return records.voidRecord(sessions, sessionId, expectedRevision, reason, context);
    }

    Adherence adherence(StoredRecord<TherapyState> therapy) {
        int planned = TherapyRules.plannedSessions(therapy.state());
        List<StoredRecord<TherapySessionState>> logged = sessionsOf(therapy.id()).stream()
                .filter(s -> s.status() == RecordStatus.ACTIVE)
                .toList();
        int attended = (int) logged.stream()
                .filter(s -> Boolean.TRUE.equals(s.state().attended()))
                .count();
        BigDecimal ratio = BigDecimal.valueOf(attended).divide(BigDecimal.valueOf(planned), 3, RoundingMode.HALF_UP);
        return new Adherence(planned, logged.size(), attended, ratio);
    }

    StoredRecord<TherapyState> activeTherapy(UUID therapyId) {
        StoredRecord<TherapyState> therapy = find(therapyId);
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
