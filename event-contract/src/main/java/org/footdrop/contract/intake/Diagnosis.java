package org.footdrop.contract.intake;

import java.time.LocalDate;
import java.util.List;
import org.footdrop.contract.vocabulary.CauseCategory;
import org.footdrop.contract.vocabulary.Mechanism;
import org.footdrop.contract.vocabulary.NerveRootLevel;
import org.footdrop.contract.vocabulary.Sex;
import org.footdrop.contract.vocabulary.Side;

/**
 * The full clinical state of a diagnosis, as carried by DiagnosisRecorded and DiagnosisAmended.
 * Free-text notes stay in intake-service and are never put on the wire.
 *
 * @param indexSide for a BILATERAL diagnosis, the side whose assessments the statistics use
 * @param nerveRootLevel for LUMBAR_NERVE_ROOT causes
 */
public record Diagnosis(
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

    public Diagnosis {
        icd10Codes = icd10Codes == null ? List.of() : List.copyOf(icd10Codes);
        evaluations = evaluations == null ? List.of() : List.copyOf(evaluations);
    }
}
