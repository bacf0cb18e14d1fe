package org.footdrop.intake.diagnosis;

import java.time.LocalDate;
import java.util.List;
import org.footdrop.contract.vocabulary.CauseCategory;
import org.footdrop.contract.vocabulary.EvaluationKind;
import org.footdrop.contract.vocabulary.ImagingModality;
import org.footdrop.contract.vocabulary.Mechanism;
import org.footdrop.contract.vocabulary.NerveRootLevel;
import org.footdrop.contract.vocabulary.Sex;
import org.footdrop.contract.vocabulary.Side;

/**
 * A diagnosis as stored, the storage schema of its collection: mapped from the request, so that a
 * change of the API's body never changes stored documents or the fingerprints of answered requests.
 * Field names and order are those of documents already stored (RecordLifecycleContract holds it).
 */
record DiagnosisState(
        String patientId,
        Integer birthYear,
        Sex sex,
        Side side,
        Side indexSide,
        LocalDate diagnosisDate,
        LocalDate symptomOnsetDate,
        CauseCategory causeCategory,
        Mechanism mechanism,
        NerveRootLevel nerveRootLevel,
        Boolean spasticity,
        List<String> icd10Codes,
        List<Evaluation> evaluations) {

    /** One piece of evidence; the note is free text and stays in this service. */
    record Evaluation(EvaluationKind kind, ImagingModality modality, String finding, String note) {}

    static DiagnosisState of(DiagnosisRequest r) {
        return new DiagnosisState(
                r.patientId(),
                r.birthYear(),
                r.sex(),
                r.side(),
                r.indexSide(),
                r.diagnosisDate(),
                r.symptomOnsetDate(),
                r.causeCategory(),
                r.mechanism(),
                r.nerveRootLevel(),
                r.spasticity(),
                r.icd10Codes(),
                r.evaluations() == null
                        ? null
                        : r.evaluations().stream()
                                .map(e -> new Evaluation(e.kind(), e.modality(), e.finding(), e.note()))
                                .toList());
    }

    /** The state in the API's words, as responses show it. */
    DiagnosisRequest toRequest() {
        return new DiagnosisRequest(
                patientId,
                birthYear,
                sex,
                side,
                indexSide,
                diagnosisDate,
                symptomOnsetDate,
                causeCategory,
                mechanism,
                nerveRootLevel,
                spasticity,
                icd10Codes,
                evaluations == null
                        ? null
                        : evaluations.stream()
                                .map(e -> new EvaluationRequest(e.kind(), e.modality(), e.finding(), e.note()))
                                .toList());
    }
}
