package org.footdrop.outcomes.cohort;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.footdrop.contract.intake.Diagnosis;
import org.footdrop.contract.intake.Measure;
import org.footdrop.contract.vocabulary.AdverseEventType;
import org.footdrop.contract.vocabulary.CauseCategory;
import org.footdrop.contract.vocabulary.InjectionTechnique;
import org.footdrop.contract.vocabulary.Mechanism;
import org.footdrop.contract.vocabulary.Severity;
import org.footdrop.contract.vocabulary.Sex;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.contract.vocabulary.Solution;
import org.footdrop.contract.vocabulary.TherapyType;
import org.footdrop.outcomes.derivation.PatientOutcome;
import org.footdrop.outcomes.derivation.PatientOutcome.DurationBand;
import org.footdrop.outcomes.derivation.PatientOutcome.FollowUpStatus;
import org.footdrop.outcomes.derivation.PatientOutcome.MeasureOutcome;
import org.footdrop.outcomes.derivation.PatientOutcome.SeriesAdherence;
import org.footdrop.outcomes.derivation.PatientOutcome.SolutionGroup;
import org.footdrop.outcomes.derivation.Window;

/**
 * One patient as cohort statistics need them, compactly (the table holds every patient in memory):
 * the grouping dimensions, and per measure the baseline and each window's change and responder
 * flag. No patientId, no exact dates but the diagnosis date for range filters, no free text.
 */
record CohortRow(
        CauseCategory cause,
        Mechanism mechanism,
        Side indexSide,
        InjectionTechnique techniqueGroup,
        SolutionGroup solutionGroup,
        SeriesAdherence adherence,
        Set<TherapyType> therapies,
        DurationBand symptomDurationBand,
        Long symptomDurationDays,
        FollowUpStatus followUpStatus,
        LocalDate diagnosisDate,
        Sex sex,
        AgeBand ageBand,
        double[] baseline,
        double[] change,
        byte[] flags,
        byte[] injectionsReceived,
        int[] timeToResponse,
        List<InjectionSafety> injections) {

    /** One injection's technique and solution, and its adverse events by severity. */
    record InjectionSafety(
            InjectionTechnique technique,
            Solution solution,
            int mild,
            int moderate,
            int severe,
            Set<AdverseEventType> types) {

        int adverseEvents() {
            return mild + moderate + severe;
        }
    }

    static final int MEASURES = Measure.values().length;
    static final int WINDOWS = Window.values().length;
    static final byte HAS_VALUE = 1;
    static final byte HAS_CHANGE = 2;
    static final byte RESPONDER = 4;
    /** timeToResponse: days, negated (minus one) when censored; this when excluded. */
    static final int EXCLUDED = Integer.MIN_VALUE;

    enum AgeBand {
        UNDER_40,
        AGE_40_TO_59,
        AGE_60_TO_79,
        AGE_80_AND_OVER
    }

    /** Has a day 0: the technique group is the first non-voided injection's technique. */
    boolean treated() {
        return techniqueGroup != null;
    }

    static CohortRow of(PatientOutcome outcome) {
        Diagnosis d = outcome.currentDiagnosis() == null
                ? null
                : outcome.currentDiagnosis().diagnosis();
        double[] baseline = new double[MEASURES];
        double[] change = new double[MEASURES * WINDOWS];
        byte[] flags = new byte[MEASURES * WINDOWS];
        byte[] received = new byte[MEASURES * WINDOWS];
        int[] ttr = new int[MEASURES];
        for (Measure measure : Measure.values()) {
            MeasureOutcome m = outcome.measures().get(measure.wireName());
            int i = measure.ordinal();
            baseline[i] = m.baseline() == null
                    ? Double.NaN
                    : measure.numeric(m.baseline().value()).doubleValue();
            ttr[i] = m.timeToResponse() == null
                    ? EXCLUDED
                    : m.timeToResponse().responded()
                            ? (int) m.timeToResponse().days()
                            : -(int) m.timeToResponse().days() - 1;
            for (Window window : Window.values()) {
                int slot = slot(measure, window);
                var w = m.windows().get(window);
                change[slot] = Double.NaN;
                received[slot] = (byte) countBy(outcome, window.targetDay());
                if (w != null) {
                    flags[slot] |= HAS_VALUE;
                    received[slot] = (byte) Math.min(w.injectionsReceived(), Byte.MAX_VALUE);
                    if (w.change() != null) {
                        flags[slot] |= HAS_CHANGE;
                        change[slot] = w.change().doubleValue();
                        if (Boolean.TRUE.equals(w.responder())) {
                            flags[slot] |= RESPONDER;
                        }
                    }
                }
            }
        }
        Set<TherapyType> therapies = EnumSet.noneOf(TherapyType.class);
        outcome.therapies().forEach(t -> therapies.add(t.type()));
        return new CohortRow(
                d == null ? null : d.causeCategory(),
                d == null ? null : d.mechanism(),
                outcome.currentDiagnosis() == null
                        ? null
                        : outcome.currentDiagnosis().indexSide(),
                outcome.techniqueGroup(),
                outcome.solutionGroup(),
                outcome.seriesAdherence(),
                therapies,
                outcome.symptomDurationBand(),
                outcome.symptomDurationDays(),
                outcome.followUpStatus(),
                d == null ? null : d.diagnosisDate(),
                d == null ? null : d.sex(),
                ageBand(d, outcome.dayZero()),
                baseline,
                change,
                flags,
                received,
                ttr,
                outcome.injections().stream().map(CohortRow::safety).toList());
    }

    private static InjectionSafety safety(PatientOutcome.SeriesEntry injection) {
        int[] bySeverity = new int[Severity.values().length];
        Set<AdverseEventType> types = EnumSet.noneOf(AdverseEventType.class);
        for (var event : injection.adverseEvents()) {
            bySeverity[event.severity().ordinal()]++;
            types.add(event.type());
        }
        return new InjectionSafety(
                injection.technique(),
                injection.solution(),
                bySeverity[Severity.MILD.ordinal()],
                bySeverity[Severity.MODERATE.ordinal()],
                bySeverity[Severity.SEVERE.ordinal()],
                types);
    }

    static int slot(Measure measure, Window window) {
        return measure.ordinal() * WINDOWS + window.ordinal();
    }

    /** Injections on or before a day, for patients without a value in the window. */
    private static int countBy(PatientOutcome outcome, int day) {
        return (int) Math.min(
                outcome.injections().stream().filter(s -> s.day() <= day).count(), Byte.MAX_VALUE);
    }

    /** Age at day 0 (or at diagnosis before any injection), from the birth year only. */
    private static AgeBand ageBand(Diagnosis d, LocalDate dayZero) {
        if (d == null || d.birthYear() == null) {
            return null;
        }
        int year = dayZero != null ? dayZero.getYear() : d.diagnosisDate().getYear();
        int age = year - d.birthYear();
        if (age < 40) {
            return AgeBand.UNDER_40;
        }
        if (age < 60) {
            return AgeBand.AGE_40_TO_59;
        }
        return age < 80 ? AgeBand.AGE_60_TO_79 : AgeBand.AGE_80_AND_OVER;
    }
}
