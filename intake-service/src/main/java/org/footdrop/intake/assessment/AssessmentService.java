package org.footdrop.intake.assessment;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.footdrop.intake.diagnosis.SymptomOnsets;
import org.footdrop.support.clinic.ClinicCalendar;
import org.footdrop.support.record.ClinicalRecords;
import org.footdrop.support.record.StoredRecord;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.FieldProblem;
import org.springframework.stereotype.Service;

/** Assessments: the clinical rules, then the shared record life (create, amend, void). */
@Service
class AssessmentService {

    private final ClinicalRecords records;
    private final AssessmentKind kind;
    private final SymptomOnsets onsets;
    private final Clock clock;
    private final ZoneId clinicZone;

    AssessmentService(
            ClinicalRecords records, AssessmentKind kind, SymptomOnsets onsets, Clock clock, ClinicCalendar calendar) {
        this.records = records;
        this.kind = kind;
        this.onsets = onsets;
        this.clock = clock;
        this.clinicZone = calendar.clinicZone();
    }

    ClinicalRecords.Created<AssessmentRequest> record(
            AssessmentRequest request, String caller, String idempotencyKey, String correlationId) {
        check(request);
        return records.create(kind, request, caller, idempotencyKey, correlationId);
    }

    StoredRecord<AssessmentRequest> find(UUID id) {
        return records.find(kind, id);
    }

    List<StoredRecord<AssessmentRequest>> findByPatient(String patientId) {
        return records.findByPatient(kind, patientId);
    }

    StoredRecord<AssessmentRequest> amend(
            UUID id,
            int expectedRevision,
            AssessmentRequest request,
            String caller,
            String idempotencyKey,
            String correlationId) {
        check(request);
        return records.amend(kind, id, expectedRevision, request, caller, idempotencyKey, correlationId);
    }

    StoredRecord<AssessmentRequest> voidAssessment(
            UUID id,
            Integer expectedRevision,
            String reason,
            String caller,
            String idempotencyKey,
            String correlationId) {
        return records.voidRecord(kind, id, expectedRevision, reason, caller, idempotencyKey, correlationId);
    }

    private void check(AssessmentRequest request) {
        List<FieldProblem> problems =
                AssessmentRules.check(request, clock.instant(), clinicZone, onsets.earliestOnset(request.patientId()));
        if (!problems.isEmpty()) {
            throw ClinicalProblemException.invalid(problems);
        }
    }
}
