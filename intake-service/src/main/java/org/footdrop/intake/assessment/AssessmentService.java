package org.footdrop.intake.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.footdrop.intake.diagnosis.SymptomOnsets;
import org.footdrop.support.clinic.ClinicCalendar;
import org.footdrop.support.record.ClinicalRecords;
import org.footdrop.support.record.ExternalIdentifier;
import org.footdrop.support.record.StoredRecord;
import org.footdrop.support.request.RequestContext;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.FieldProblem;
import org.springframework.stereotype.Service;

/** Assessments: the clinical rules, then the shared record life (create, amend, void). */
@Service
class AssessmentService {

    private final ClinicalRecords records;
    private final AssessmentRecordKind kind;
    private final SymptomOnsets onsets;
    private final Clock clock;
    private final ZoneId clinicZone;

    AssessmentService(
            ClinicalRecords records,
            AssessmentRecordKind kind,
            SymptomOnsets onsets,
            Clock clock,
            ClinicCalendar calendar) {
        this.records = records;
        this.kind = kind;
        this.onsets = onsets;
        this.clock = clock;
        this.clinicZone = calendar.clinicZone();
    }

    ClinicalRecords.Created<AssessmentState> record(
            AssessmentRequest request, ExternalIdentifier identifier, RequestContext context) {
        return records.create(kind, prepare(request, onsets.earliestOnset(request.patientId())), identifier, context);
    }

    /**
     * The state a valid request stores, after the clinical rules.
     *
     * @param earliestOnset the patient's earliest symptom onset, as {@link SymptomOnsets} knows it
     */
    AssessmentState prepare(AssessmentRequest request, Optional<LocalDate> earliestOnset) {
        List<FieldProblem> problems = AssessmentRules.check(request, clock.instant(), clinicZone, earliestOnset);
        if (!problems.isEmpty()) {
            throw ClinicalProblemException.invalid(problems);
        }
        return AssessmentState.of(request);
    }

    StoredRecord<AssessmentState> find(UUID id) {
        return records.find(kind, id);
    }

    List<StoredRecord<AssessmentState>> findByPatient(String patientId) {
        return records.findByPatient(kind, patientId);
    }

    StoredRecord<AssessmentState> amend(
            UUID id, int expectedRevision, AssessmentRequest request, RequestContext context) {
        return records.amend(
                kind, id, expectedRevision, prepare(request, onsets.earliestOnset(request.patientId())), context);
    }

    StoredRecord<AssessmentState> voidAssessment(
            UUID id, Integer expectedRevision, String reason, RequestContext context) {
        return records.voidRecord(kind, id, expectedRevision, reason, context);
    }
}
