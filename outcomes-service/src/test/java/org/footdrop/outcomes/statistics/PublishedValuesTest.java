package org.footdrop.outcomes.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statistics against values published in the literature and in tables. */
class PublishedValuesTest {

    @Test
    void shouldMatchNewcombesWilsonIntervalFor81Of263() {
        // Newcombe RG (1998), Stat Med 17:857-872, Table I example: 81/263 -> 0.2553 to 0.3662
        Estimate proportion = Summaries.wilson(81, 263);

        assertThat(proportion.value()).isCloseTo(0.3080, within(0.0001));
        assertThat(proportion.lower()).isCloseTo(0.2553, within(0.0001));
        assertThat(proportion.upper()).isCloseTo(0.3662, within(0.0001));
    }

    @Test
    void shouldMatchNewcombesWilsonIntervalsForSmallCounts() {
        // Newcombe (1998) Table I: 15/148 -> 0.0624 to 0.1605; 0/20 -> 0 to 0.1611; 1/29 -> 0.0061 to 0.1718
        assertThat(Summaries.wilson(15, 148).lower()).isCloseTo(0.0624, within(0.0001));
        assertThat(Summaries.wilson(15, 148).upper()).isCloseTo(0.1605, within(0.0001));
        assertThat(Summaries.wilson(0, 20).lower()).isCloseTo(0.0, within(0.0001));
        assertThat(Summaries.wilson(0, 20).upper()).isCloseTo(0.1611, within(0.0001));
        assertThat(Summaries.wilson(1, 29).lower()).isCloseTo(0.0061, within(0.0001));
        assertThat(Summaries.wilson(1, 29).upper()).isCloseTo(0.1718, within(0.0001));
    }

    @Test
    void shouldUseTheTablesTQuantileForTheMeansInterval() {
        // 10 values with mean 5 and sample sd 1.8257 (Sum of squares 30, /9): se = sd/sqrt(10) = 0.5774;
        // t(0.975, 9) = 2.262 from the t table -> 5 +/- 1.306 = 3.694 .. 6.306
        double[] values = {2, 3, 4, 4, 5, 5, 6, 6, 7, 8};
        Estimate mean = Summaries.meanWithTInterval(values);

        assertThat(mean.value()).isEqualTo(5.0);
        assertThat(mean.lower()).isCloseTo(3.694, within(0.001));
        assertThat(mean.upper()).isCloseTo(6.306, within(0.001));
        assertThat(Summaries.meanWithTInterval(new double[] {4}).lower()).isNull();
    }

    @Test
    void shouldTakeTheDistributionFreeMedianRanksFromTheBinomialTable() {
        // P(Bin(6, 1/2) <= 0) = 0.0156 <= 0.025 < P(<= 1) = 0.109 -> k = 1: [x(1), x(6)]
        assertThat(Summaries.medianRankK(6)).isEqualTo(1);
        // n = 10: P(<= 1) = 0.0107, P(<= 2) = 0.0547 -> k = 2: [x(2), x(9)] (the tabled ranks)
        assertThat(Summaries.medianRankK(10)).isEqualTo(2);
        // n = 20: P(<= 5) = 0.0207, P(<= 6) = 0.0577 -> k = 6: [x(6), x(15)]
        assertThat(Summaries.medianRankK(20)).isEqualTo(6);
        // n = 100: P(<= 39) = 0.0176, P(<= 40) = 0.0284 -> k = 40 (the tabled rank 40 and 61)
        assertThat(Summaries.medianRankK(100)).isEqualTo(40);

        Estimate median = Summaries.medianWithInterval(new double[] {9, 1, 8, 2, 7, 3, 6, 4, 5, 10});
        assertThat(median.value()).isEqualTo(5.5); // even count: (5 + 6) / 2
        assertThat(median.lower()).isEqualTo(2.0); // x(2)
        assertThat(median.upper()).isEqualTo(9.0); // x(9)
        assertThat(Summaries.medianWithInterval(new double[] {1, 2, 3, 4, 5}).lower())
                .isNull();
    }

    @Test
    void shouldDecideTheMedianRankExactlyWhereTheDoubleCdfIsTooCloseToCall() {
        // given a double CDF that reads 0.025 exactly, the decision falls to the exact sums over 2^m:
        // P(Bin(6, 1/2) <= 0) = 1/64 <= 1/40; P(<= 1) = 7/64 > 1/40, whatever the double said
        assertThat(Summaries.cdfAtMostOneFortieth(0.025, 6, 0)).isTrue();
        assertThat(Summaries.cdfAtMostOneFortieth(0.025, 6, 1)).isFalse();
        // P(Bin(100, 1/2) <= 39) = 0.0176 and P(<= 40) = 0.0284 as in the table
        assertThat(Summaries.cdfAtMostOneFortieth(0.025, 100, 39)).isTrue();
        assertThat(Summaries.cdfAtMostOneFortieth(0.025, 100, 40)).isFalse();
    }

    @Test
    void shouldReproduceTheKaplanMeierTableOfThe6MpLeukemiaData() {
        // Freireich et al. (1963) 6-MP arm, weeks in remission (* censored), as tabled in Kleinbaum &
        // Klein, Survival Analysis, ch. 2, and Klein & Moeschberger, Table 4.1A:
        // 6,6,6,6*,7,9*,10,10*,11*,13,16,17*,19*,20*,22,23,25*,32*,32*,34*,35*
        long[] days = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35};
        boolean[] event = {
            true, true, true, false, true, false, true, false, false, true, true, false, false, false, true, true,
            false, false, false, false, false
        };
        List<KaplanMeier.Observation> observations = new ArrayList<>();
        for (int i = 0; i < days.length; i++) {
            observations.add(new KaplanMeier.Observation(days[i], event[i]));
        }

        KaplanMeier.Curve curve = KaplanMeier.estimate(observations);

        // S(t) and Greenwood se at the event times, from the published table
        assertStep(curve, 6, 21, 3, 1, 0.8571, 0.0764);
        assertStep(curve, 7, 17, 1, 0, 0.8067, 0.0869);
        assertStep(curve, 10, 15, 1, 1, 0.7529, 0.0963);
        assertStep(curve, 13, 12, 1, 0, 0.6902, 0.1068);
        assertStep(curve, 16, 11, 1, 0, 0.6275, 0.1141);
        assertStep(curve, 22, 7, 1, 0, 0.5378, 0.1282);
        assertStep(curve, 23, 6, 1, 0, 0.4482, 0.1346);
        // median survival 23 weeks; S never falls to 0.5 + z*se, so the upper limit is not reached
        assertThat(curve.medianDay()).isEqualTo(23);
        assertThat(curve.medianUpper()).isNull();
        // lower: first event day with S - 1.96*se <= 0.5: at 13, 0.6902 - 0.2093 = 0.4809
        assertThat(curve.medianLower()).isEqualTo(13);
    }

    private static void assertStep(
            KaplanMeier.Curve curve, long day, int atRisk, int events, int censored, double survival, double se) {
        KaplanMeier.Step step =
                curve.steps().stream().filter(s -> s.day() == day).findFirst().orElseThrow();
        assertThat(step.atRisk()).isEqualTo(atRisk);
        assertThat(step.events()).isEqualTo(events);
        assertThat(step.censored()).isEqualTo(censored);
        assertThat(step.survival()).isCloseTo(survival, within(0.0001));
        assertThat(step.standardError()).isCloseTo(se, within(0.0001));
    }
}
