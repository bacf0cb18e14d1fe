package org.footdrop.intake.assessment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.footdrop.support.web.FieldProblem;

/** Rules across fields and records that annotations on single fields cannot say. */
final class AssessmentRules {

    /** Clocks of clinical systems drift; a few minutes ahead is not "in the future". */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private AssessmentRules() {}

    /**
     * @param earliestOnset the earliest symptom onset among the patient's current diagnoses, if any
     */
    static List<FieldProblem> check(
            AssessmentRequest a, Instant now, ZoneId clinicZone, Optional<LocalDate> earliestOnset) {
        List<FieldProblem> problems = new ArrayList<>();
        if (a.measures() != null && a.measures().isEmpty()) {
            problems.add(new FieldProblem("measures", "at least one measure is required"));
        }
        if (a.assessedAt() != null && a.assessedAt().isAfter(now.plus(CLOCK_SKEW))) {
            problems.add(new FieldProblem("assessedAt", "must not be in the future"));
        }
        if (a.assessedAt() != null && earliestOnset.isPresent()) {
            LocalDate day = a.assessedAt().atZone(clinicZone).toLocalDate();
            if (day.isBefore(earliestOnset.get())) {
                problems.add(new FieldProblem(
                        "assessedAt", "must not be before the symptom onset (" + earliestOnset.get() + ")"));
            }
        }
        if (a.gaitAid() != null && a.measures() != null && !a.measures().hasGaitTest()) {
            problems.add(new FieldProblem("gaitAid", "only with a gait test (gait speed, Timed Up and Go or FGA)"));
        }
        return problems;
    }
}
