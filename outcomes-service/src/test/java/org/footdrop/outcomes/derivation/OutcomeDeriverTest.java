package org.footdrop.outcomes.derivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.footdrop.outcomes.derivation.PatientHistory.measures;

import java.time.LocalDate;
import java.util.UUID;
import org.footdrop.contract.vocabulary.AssessmentKind;
import org.footdrop.contract.vocabulary.InjectionTechnique;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.contract.vocabulary.Solution;
import org.footdrop.contract.vocabulary.Spacing;
import org.footdrop.outcomes.derivation.PatientOutcome.DurationBand;
import org.footdrop.outcomes.derivation.PatientOutcome.FollowUpStatus;
import org.footdrop.outcomes.derivation.PatientOutcome.MeasureOutcome;
import org.footdrop.outcomes.derivation.PatientOutcome.SeriesAdherence;
import org.footdrop.outcomes.derivation.PatientOutcome.SolutionGroup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every derived value against a hand-worked example. The patient: foot drop on the LEFT, symptoms
 * since 2025-11-20; injections on 2026-03-02 (day 0), 2026-03-30 and 2026-05-20 (recorded as
 * 05-13, amended), one on 2026-03-10 voided; assessments of the left side on days -5, -2, 13, 15, 42
 * and one of the RIGHT side on day 43.
 */
class OutcomeDeriverTest {

    private final OutcomeDeriver deriver = new OutcomeDeriver(OutcomeDefinitions.defaults(), java.time.ZoneOffset.UTC);
    private PatientHistory patient;
    private UUID therapy;

    @BeforeEach
    void history() {
        patient = new PatientHistory().diagnosis(Side.LEFT, null, "2026-02-20", "2025-11-20");
        patient.injection("2026-03-02T10:00:00Z", Solution.DEXTROSE_5);
        patient.injection("2026-03-30T10:00:00Z", Solution.PRP);
        UUID third = patient.injection("2026-05-13T10:00:00Z", Solution.DEXTROSE_5);
        patient.amendInjection(third, 2, "2026-05-20T10:00:00Z", Solution.DEXTROSE_5);
        UUID mistaken = patient.injection("2026-03-10T10:00:00Z", Solution.PRP);
        patient.voidInjection(mistaken, 2);
        patient.assessment(
                "2026-02-25T09:00:00Z",
                Side.LEFT,
                AssessmentKind.BASELINE,
                measures("3+", "0.62", "14.3", 6)); // day -5
        patient.assessment(
                "2026-02-28T09:00:00Z", Side.LEFT, AssessmentKind.BASELINE, measures(null, null, null, 7)); // day -2
        patient.assessment(
                "2026-03-15T09:00:00Z", Side.LEFT, AssessmentKind.FOLLOW_UP, measures(null, "0.70", null, 6)); // day 13
        patient.assessment(
                "2026-03-17T09:00:00Z",
                Side.LEFT,
                AssessmentKind.FOLLOW_UP,
                measures("4-", "0.72", null, null)); // day 15
        patient.assessment(
                "2026-04-13T09:00:00Z", Side.LEFT, AssessmentKind.FOLLOW_UP, measures(null, "0.66", null, 4)); // day 42
        patient.assessment(
                "2026-04-14T09:00:00Z",
                Side.RIGHT,
                AssessmentKind.FOLLOW_UP,
                measures(null, "1.50", null, null)); // day 43, other side
        therapy = patient.therapy("2026-03-09", 2, 8);
        patient.session(therapy, "2026-03-09", true, false);
        patient.session(therapy, "2026-03-11", false, false);
        patient.session(therapy, "2026-03-16", true, false);
        patient.session(therapy, "2026-03-18", true, true);
    }

    @Test
    void shouldNumberTheSeriesFromDayZeroSkippingTheVoidedAndUsingTheAmendedDate() {
        PatientOutcome outcome = deriver.derive(patient.facts(), LocalDate.parse("2026-06-01"));

        // Mar 2 -> Mar 30 = 28 days (14..42: IN_WINDOW); Mar 30 -> May 20 = 1 + 30 + 20 = 51 days (LATE)
        assertThat(outcome.dayZero()).isEqualTo("2026-03-02");
        assertThat(outcome.injections())
                .extracting(PatientOutcome.SeriesEntry::nth)
                .containsExactly(1, 2, 3);
        assertThat(outcome.injections())
                .extracting(PatientOutcome.SeriesEntry::day)
                .containsExactly(0L, 28L, 79L);
        assertThat(outcome.injections())
                .extracting(PatientOutcome.SeriesEntry::intervalDays)
                .containsExactly(null, 28L, 51L);
        assertThat(outcome.injections())
                .extracting(PatientOutcome.SeriesEntry::spacing)
                .containsExactly(null, Spacing.IN_WINDOW, Spacing.LATE);
        assertThat(outcome.seriesAdherence()).isEqualTo(SeriesAdherence.NON_ADHERENT);
        assertThat(outcome.solutionGroup()).isEqualTo(SolutionGroup.MIXED); // D5W, PRP, D5W
        assertThat(outcome.techniqueGroup()).isEqualTo(InjectionTechnique.NERVE_HYDRODISSECTION);
    }

    @Test
    void shouldBandTheSymptomDurationAtDayZero() {
        PatientOutcome outcome = deriver.derive(patient.facts(), LocalDate.parse("2026-06-01"));

        // Nov 20 -> Dec 20: 30, -> Jan 20: 31, -> Feb 20: 31, -> Mar 2: 10 (Feb 2026 has 28 days) = 102
        assertThat(outcome.symptomDurationDays()).isEqualTo(102L);
        assertThat(outcome.symptomDurationBand()).isEqualTo(DurationBand.DAYS_90_TO_365);
        assertThat(outcome.currentDiagnosis().indexSide()).isEqualTo(Side.LEFT);
        assertThat(outcome.diagnosisPending()).isFalse();
    }

    @Test
    void shouldCountAGaitSpeedChangeOfExactlyTheThresholdAsAResponse() {
        MeasureOutcome gait = deriver.derive(patient.facts(), LocalDate.parse("2026-06-01"))
                .measures()
                .get("gaitSpeedComfortable");

        // baseline: the latest value on days -28..0 -> day -5, 0.62 (day -2 measured no gait speed)
        assertThat(gait.baseline().value()).isEqualTo(new java.math.BigDecimal("0.62"));
        assertThat(gait.baseline().day()).isEqualTo(-5);
        // WEEK_2 (days 10..18, target 14): day 13 and day 15 are both 1 away; the later wins -> 0.72;
        // 0.72 - 0.62 = 0.10 >= 0.10 -> responder; one injection (day 0) by day 15
        var week2 = gait.windows().get(Window.WEEK_2);
        assertThat(week2.value().day()).isEqualTo(15);
        assertThat(week2.change()).isEqualByComparingTo("0.10");
        assertThat(week2.responder()).isTrue();
        assertThat(week2.injectionsReceived()).isEqualTo(1);
        // WEEK_6 (35..49, target 42): day 42, 0.66 -> +0.04, not a responder; 2 injections by day 42;
        // the RIGHT-side 1.50 on day 43 is not the index side and is ignored
        var week6 = gait.windows().get(Window.WEEK_6);
        assertThat(week6.value().value()).isEqualTo(new java.math.BigDecimal("0.66"));
        assertThat(week6.change()).isEqualByComparingTo("0.04");
        assertThat(week6.responder()).isFalse();
        assertThat(week6.injectionsReceived()).isEqualTo(2);
        assertThat(gait.windows()).doesNotContainKeys(Window.WEEK_12, Window.WEEK_24, Window.WEEK_52);
        // time to response: day 13 is +0.08, day 15 is +0.10 -> responded on day 15
        assertThat(gait.timeToResponse().days()).isEqualTo(15);
        assertThat(gait.timeToResponse().responded()).isTrue();
    }

    @Test
    void shouldCountPainImprovingDownwardsAndMrcInWholeGrades() {
        var measures =
                deriver.derive(patient.facts(), LocalDate.parse("2026-06-01")).measures();

        // pain baseline: day -2 (7, the latest with a pain value); WEEK_2: day 13 (6; day 15 has none)
        // -> change -1, improvement 1 < 2; WEEK_6: day 42 (4) -> -3, improvement 3 >= 2
        MeasureOutcome pain = measures.get("painNrs");
        assertThat(pain.baseline().value()).isEqualTo(7);
        assertThat(pain.windows().get(Window.WEEK_2).change()).isEqualByComparingTo("-1");
        assertThat(pain.windows().get(Window.WEEK_2).responder()).isFalse();
        assertThat(pain.windows().get(Window.WEEK_6).change()).isEqualByComparingTo("-3");
        assertThat(pain.windows().get(Window.WEEK_6).responder()).isTrue();
        assertThat(pain.timeToResponse().days()).isEqualTo(42);
        // MRC: 3+ -> 4- is integer grade 3 -> 4, +1: one full grade, a responder
        MeasureOutcome mrc = measures.get("mrcAnkleDorsiflexion");
        assertThat(mrc.windows().get(Window.WEEK_2).change()).isEqualByComparingTo("1");
        assertThat(mrc.windows().get(Window.WEEK_2).responder()).isTrue();
    }

    @Test
    void shouldListEveryAssessedValueOfAMeasureByDayInTimeOrder() {
        var measures =
                deriver.derive(patient.facts(), LocalDate.parse("2026-06-01")).measures();

        // pain is assessed on days -2, 13 and 42 (day 15 has no pain value): every one, not only the
        // baseline and the windows' values, so that a chart can draw the whole course
        MeasureOutcome pain = measures.get("painNrs");
        assertThat(pain.values()).extracting(PatientOutcome.Observation::day).containsSubsequence(-2L, 13L, 42L);
        assertThat(pain.values())
                .extracting(PatientOutcome.Observation::day)
                .isSorted()
                .doesNotContain(15L);
        assertThat(pain.values())
                .contains(pain.baseline(), pain.windows().get(Window.WEEK_6).value());
    }

    @Test
    void shouldExcludeFromTimeToResponseWithoutBaselineOrLaterAssessment() {
        var measures =
                deriver.derive(patient.facts(), LocalDate.parse("2026-06-01")).measures();

        // TUG: baseline 14.3 on day -5 but never measured again
        assertThat(measures.get("timedUpAndGo").timeToResponse()).isNull();
        assertThat(measures.get("timedUpAndGo").exclusion().code())
                .isEqualTo(PatientOutcome.ExclusionCode.NO_ASSESSMENT_AFTER_DAY_0);
        assertThat(measures.get("timedUpAndGo").exclusion().reason()).isEqualTo("no assessment after day 0");
        // LEFS: never measured
        assertThat(measures.get("lefs").baseline()).isNull();
        assertThat(measures.get("lefs").exclusion().code()).isEqualTo(PatientOutcome.ExclusionCode.NO_BASELINE);
        assertThat(measures.get("lefs").exclusion().reason()).startsWith("no baseline");
    }

    @Test
    void shouldCensorTimeToResponseAtTheLastAssessmentWhenNeverResponding() {
        PatientHistory slow = new PatientHistory().diagnosis(Side.LEFT, null, "2026-02-20", null);
        slow.injection("2026-03-02T10:00:00Z", Solution.PRP);
        slow.assessment("2026-03-01T09:00:00Z", Side.LEFT, AssessmentKind.BASELINE, measures(null, "0.50", null, null));
        slow.assessment(
                "2026-03-20T09:00:00Z", Side.LEFT, AssessmentKind.FOLLOW_UP, measures(null, "0.55", null, null));
        slow.assessment(
                "2026-04-20T09:00:00Z", Side.LEFT, AssessmentKind.FOLLOW_UP, measures(null, "0.59", null, null));

        var gait = deriver.derive(slow.facts(), LocalDate.parse("2026-05-01"))
                .measures()
                .get("gaitSpeedComfortable");

        // +0.05 on day 18, +0.09 on day 49: never 0.10 -> censored at day 49
        assertThat(gait.timeToResponse().responded()).isFalse();
        assertThat(gait.timeToResponse().days()).isEqualTo(49);
    }

    @Test
    void shouldComputeTherapyAdherenceFromAttendedSessionsOverPlanned() {
        var therapies =
                deriver.derive(patient.facts(), LocalDate.parse("2026-06-01")).therapies();

        // 2 a week for 8 weeks = 16 planned; attended: Mar 9 and Mar 16 (Mar 18 was voided) = 2; 2/16
        assertThat(therapies).singleElement().satisfies(t -> {
            assertThat(t.plannedSessions()).isEqualTo(16);
            assertThat(t.attendedSessions()).isEqualTo(2);
            assertThat(t.adherence()).isEqualByComparingTo("0.125");
        });
    }

    @Test
    void shouldTellFollowUpStatusFromTheLastAssessmentOrADischarge() {
        // last assessment Apr 14: on Jun 1 that is 48 days ago (ACTIVE); on Aug 1, 109 > 90 (LOST)
        assertThat(deriver.derive(patient.facts(), LocalDate.parse("2026-06-01"))
                        .followUpStatus())
                .isEqualTo(FollowUpStatus.ACTIVE);
        assertThat(deriver.derive(patient.facts(), LocalDate.parse("2026-08-01"))
                        .followUpStatus())
                .isEqualTo(FollowUpStatus.LOST_TO_FOLLOW_UP);
        patient.assessment(
                "2026-05-25T09:00:00Z", Side.LEFT, AssessmentKind.DISCHARGE, measures("5-", null, null, null));
        assertThat(deriver.derive(patient.facts(), LocalDate.parse("2026-12-01"))
                        .followUpStatus())
                .isEqualTo(FollowUpStatus.DISCHARGED);
    }

    @Test
    void shouldUseTheIndexSideOfABilateralDiagnosis() {
        PatientHistory bilateral = new PatientHistory().diagnosis(Side.BILATERAL, Side.RIGHT, "2026-02-20", null);
        bilateral.injection("2026-03-02T10:00:00Z", Solution.PRP);
        bilateral.assessment(
                "2026-03-01T09:00:00Z", Side.LEFT, AssessmentKind.BASELINE, measures(null, "0.40", null, null));
        bilateral.assessment(
                "2026-03-01T10:00:00Z", Side.RIGHT, AssessmentKind.BASELINE, measures(null, "0.50", null, null));

        var outcome = deriver.derive(bilateral.facts(), LocalDate.parse("2026-04-01"));

        assertThat(outcome.currentDiagnosis().indexSide()).isEqualTo(Side.RIGHT);
        assertThat(outcome.measures().get("gaitSpeedComfortable").baseline().value())
                .isEqualTo(new java.math.BigDecimal("0.50"));
        assertThat(outcome.solutionGroup()).isEqualTo(SolutionGroup.PRP);
        assertThat(outcome.seriesAdherence()).isNull(); // one injection: in no adherence group
    }

    @Test
    void shouldHaveNoDayZeroBeforeAnyInjection() {
        PatientHistory untreated = new PatientHistory().diagnosis(Side.LEFT, null, "2026-02-20", "2026-01-01");

        var outcome = deriver.derive(untreated.facts(), LocalDate.parse("2026-03-01"));

        assertThat(outcome.dayZero()).isNull();
        assertThat(outcome.symptomDurationDays()).isNull();
        assertThat(outcome.measures().get("gaitSpeedComfortable").exclusion().code())
                .isEqualTo(PatientOutcome.ExclusionCode.NO_DAY_0);
    }
}
