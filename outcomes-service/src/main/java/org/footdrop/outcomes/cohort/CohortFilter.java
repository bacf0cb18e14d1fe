package org.footdrop.outcomes.cohort;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.footdrop.contract.vocabulary.CauseCategory;
import org.footdrop.contract.vocabulary.InjectionTechnique;
import org.footdrop.contract.vocabulary.Mechanism;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.contract.vocabulary.TherapyType;
import org.footdrop.outcomes.derivation.PatientOutcome.DurationBand;
import org.footdrop.outcomes.derivation.PatientOutcome.FollowUpStatus;
import org.footdrop.outcomes.derivation.PatientOutcome.SeriesAdherence;
import org.footdrop.outcomes.derivation.PatientOutcome.SolutionGroup;
import org.footdrop.support.web.FieldProblem;

/** Which patients a cohort query covers; every absent criterion matches everyone. */
record CohortFilter(
        CauseCategory causeCategory,
        Mechanism mechanism,
        Side side,
        InjectionTechnique techniqueGroup,
        SolutionGroup solutionGroup,
        SeriesAdherence adherence,
        TherapyType therapyType,
        DurationBand symptomDurationBand,
        FollowUpStatus followUpStatus,
        LocalDate diagnosedFrom,
        LocalDate diagnosedTo)
        implements Predicate<CohortRow> {

    @Override
    public boolean test(CohortRow row) {
        return (causeCategory == null || causeCategory == row.cause())
                && (mechanism == null || mechanism == row.mechanism())
                && (side == null || side == row.indexSide())
                && (techniqueGroup == null || techniqueGroup == row.techniqueGroup())
                && (solutionGroup == null || solutionGroup == row.solutionGroup())
                && (adherence == null || adherence == row.adherence())
                && (therapyType == null || row.therapies().contains(therapyType))
                && (symptomDurationBand == null || symptomDurationBand == row.symptomDurationBand())
                && (followUpStatus == null || followUpStatus == row.followUpStatus())
                && (diagnosedFrom == null
                        || (row.diagnosisDate() != null && !row.diagnosisDate().isBefore(diagnosedFrom)))
                && (diagnosedTo == null
                        || (row.diagnosisDate() != null && !row.diagnosisDate().isAfter(diagnosedTo)));
    }

    /** What the filter asks that no cohort could answer: a diagnosis date range that ends before it starts. */
    List<FieldProblem> problems() {
        if (diagnosedFrom != null && diagnosedTo != null && diagnosedTo.isBefore(diagnosedFrom)) {
            return List.of(new FieldProblem("diagnosedFrom", "must not be after diagnosedTo (" + diagnosedTo + ")"));
        }
        return List.of();
    }
}
