package org.footdrop.treatment.therapy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.footdrop.contract.vocabulary.TherapyType;
import org.footdrop.support.web.FieldProblem;

/** Rules of a prescription that single-field annotations cannot say, and its planned sessions. */
final class TherapyRules {

    private TherapyRules() {}

    static List<FieldProblem> check(TherapyRequest t) {
        List<FieldProblem> problems = new ArrayList<>();
        if (t.type() == TherapyType.ENERGY_MODALITY && t.modality() == null) {
            problems.add(new FieldProblem("modality", "required for ENERGY_MODALITY"));
        }
        if (t.type() != null && t.type() != TherapyType.ENERGY_MODALITY && t.modality() != null) {
            problems.add(new FieldProblem("modality", "only for ENERGY_MODALITY"));
        }
        if ((t.plannedWeeks() == null) == (t.endDate() == null)) {
            problems.add(new FieldProblem("plannedWeeks", "give either plannedWeeks or endDate, not both or neither"));
        }
        if (t.endDate() != null && t.startDate() != null && t.endDate().isBefore(t.startDate())) {
            problems.add(new FieldProblem("endDate", "must not be before startDate"));
        }
        if (t.endDate() != null
                && t.startDate() != null
                && ChronoUnit.DAYS.between(t.startDate(), t.endDate()) > 7 * 104) {
            problems.add(new FieldProblem("endDate", "at most 104 weeks after startDate"));
        }
        return problems;
    }

    /** As every reader of the events computes it (see {@link org.footdrop.contract.treatment.Therapy}). */
    static int plannedSessions(TherapyState t) {
        return t.toContract().plannedSessions();
    }

    static List<FieldProblem> checkSession(TherapySessionRequest s, LocalDate therapyStart) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate date = s.date();
        if (date != null && date.isBefore(therapyStart)) {
            problems.add(new FieldProblem("date", "must not be before the therapy's startDate " + therapyStart));
        }
        return problems;
    }
}
