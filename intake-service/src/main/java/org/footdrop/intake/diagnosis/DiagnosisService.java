package org.footdrop.intake.diagnosis;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.footdrop.support.record.ClinicalRecords;
import org.footdrop.support.record.ExternalIdentifier;
import org.footdrop.support.record.KeptNotes;
import org.footdrop.support.record.RecordRefusedException;
import org.footdrop.support.record.RecordStatus;
import org.footdrop.support.record.StoredRecord;
import org.footdrop.support.request.RequestContext;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.FieldProblem;
import org.footdrop.support.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Diagnoses: the clinical rules, then the shared record life (create, amend, void). */
@Service
class DiagnosisService {

    private final ClinicalRecords records;
    private final DiagnosisRecordKind kind;
    private final Clock clock;

    DiagnosisService(ClinicalRecords records, DiagnosisRecordKind kind, Clock clock) {
        this.records = records;
        this.kind = kind;
        this.clock = clock;
    }

    ClinicalRecords.Created<DiagnosisState> record(
            DiagnosisRequest request, ExternalIdentifier identifier, RequestContext context) {
        return records.create(kind, prepare(request), identifier, context);
    }

    /** The state a valid request stores, after the clinical rules; a bulk import's lines pass here too. */
    DiagnosisState prepare(DiagnosisRequest request) {
        check(request);
        return DiagnosisState.of(request);
    }

    StoredRecord<DiagnosisState> find(UUID id) {
        return records.find(kind, id);
    }

    List<StoredRecord<DiagnosisState>> findByPatient(String patientId) {
        return records.findByPatient(kind, patientId);
    }

    StoredRecord<DiagnosisState> amend(
            UUID id, int expectedRevision, DiagnosisRequest request, RequestContext context) {
        return amend(id, expectedRevision, request, false, context);
    }

    /** @param keepNotes evaluations sent without a note keep the stored ones' ({@link KeptNotes}) */
    StoredRecord<DiagnosisState> amend(
            UUID id, int expectedRevision, DiagnosisRequest request, boolean keepNotes, RequestContext context) {
        DiagnosisRequest amended = keepNotes
                ? request.withEvaluations(KeptNotes.keep(
                        request.evaluations(),
                        records.find(kind, id).state().evaluations(),
                        EvaluationRequest::note,
                        DiagnosisState.Evaluation::note,
                        (sent, stored) -> sent.kind() == stored.kind()
                                && sent.modality() == stored.modality()
                                && java.util.Objects.equals(sent.finding(), stored.finding()),
                        (sent, note) -> new EvaluationRequest(sent.kind(), sent.modality(), sent.finding(), note)))
                : request;
        return records.amend(kind, id, expectedRevision, prepare(amended), context);
    }

    /**
     * Sets the birth year and sex on each of the patient's diagnoses that are not voided and differ, as their
     * next revision under the same rules as any amend; the others are answered as they are, so a repeat
     * changes nothing. A diagnosis amended meanwhile is read again and corrected at its new revision.
     * Every amend is checked before the first is written: a diagnosis stored under older rules that today's
     * refuse would otherwise leave the patient corrected on some diagnoses only.
     */
    List<DemographicsCorrection.Corrected> correctDemographics(
            String patientId, DemographicsCorrection correction, RequestContext context) {
        if (correction.birthYear() != null
                && correction.birthYear() > Year.now(clock).getValue()) {
            throw ClinicalProblemException.invalid(List.of(new FieldProblem("birthYear", "must not be in the future")));
        }
        List<StoredRecord<DiagnosisState>> diagnoses = findByPatient(patientId);
        List<FieldProblem> refused = new ArrayList<>();
        for (StoredRecord<DiagnosisState> diagnosis : diagnoses) {
            if (diagnosis.status() != RecordStatus.VOIDED && !correction.holds(diagnosis.state())) {
                DiagnosisRequest request =
                        diagnosis.state().toRequest().withDemographics(correction.birthYear(), correction.sex());
                try {
                    prepare(request);
                } catch (ClinicalProblemException e) {
                    e.fields()
                            .forEach(problem -> refused.add(new FieldProblem(
                                    "diagnoses[" + diagnosis.id() + "]." + problem.field(), problem.reason())));
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new ClinicalProblemException(
                    HttpStatus.CONFLICT,
                    ProblemTypes.CONFLICT,
                    "A diagnosis of the patient does not meet today's rules; amend it first. Nothing was corrected",
                    refused);
        }
        List<DemographicsCorrection.Corrected> corrected = new ArrayList<>();
        for (StoredRecord<DiagnosisState> diagnosis : diagnoses) {
            StoredRecord<DiagnosisState> now = correct(diagnosis, correction, context);
            corrected.add(new DemographicsCorrection.Corrected(
                    now.id(), now.revision(), now.status(), now.revision() != diagnosis.revision()));
        }
        return corrected;
    }

    private StoredRecord<DiagnosisState> correct(
            StoredRecord<DiagnosisState> diagnosis, DemographicsCorrection correction, RequestContext context) {
        for (int attempt = 1; ; attempt++) {
            if (diagnosis.status() == RecordStatus.VOIDED || correction.holds(diagnosis.state())) {
                return diagnosis;
            }
            DiagnosisRequest request =
                    diagnosis.state().toRequest().withDemographics(correction.birthYear(), correction.sex());
            try {
                return records.amend(kind, diagnosis.id(), diagnosis.revision(), prepare(request), context);
            } catch (RecordRefusedException e) {
                boolean overtaken = e.reason() == RecordRefusedException.Reason.STALE_REVISION
                        || e.reason() == RecordRefusedException.Reason.VOIDED;
                if (!overtaken) {
                    throw e;
                }
                if (attempt == 3) {
                    // not 412: the caller named no revision; the diagnoses it did not reach keep their values
                    throw new ClinicalProblemException(
                            HttpStatus.CONFLICT,
                            ProblemTypes.CONFLICT,
                            "Diagnosis " + diagnosis.id() + " kept being amended meanwhile; try the correction again",
                            List.of());
                }
                diagnosis = find(diagnosis.id());
            }
        }
    }

    StoredRecord<DiagnosisState> voidDiagnosis(
            UUID id, Integer expectedRevision, String reason, RequestContext context) {
        return records.voidRecord(kind, id, expectedRevision, reason, context);
    }

    private void check(DiagnosisRequest request) {
        List<FieldProblem> problems = new ArrayList<>(DiagnosisRules.check(request));
        int thisYear = Year.now(clock).getValue();
        if (request.birthYear() != null && request.birthYear() > thisYear) {
            problems.add(new FieldProblem("birthYear", "must not be in the future"));
        }
        if (!problems.isEmpty()) {
            throw ClinicalProblemException.invalid(problems);
        }
    }
}
