package org.footdrop.outcomes.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The median time to response where S(t) is exactly 1/2: the first day with S(t) <= 1/2, decided
 * exactly, never one step late because a running product of doubles landed one ulp above 1/2.
 */
class KaplanMeierExactTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                // S(40) = 9/10 x 7/9 x 6/7 x 5/6 = 1/2 (five censored at day 100)
                "ten patients, five respond, five censored; 10,20,20,30,40,100*,100*,100*,100*,100*; 40",
                // S(1) = 1/2 at once
                "two patients, both respond; 1,2; 1",
                // 5/6 x 4/5 x 3/4 = 1/2 on the third event day
                "six patients, one event a day; 1,2,3,4,5,6; 3",
                // 5/10 after five single events
                "ten patients, one event a day; 1,2,3,4,5,6,7,8,9,10; 5",
                // two events on a day, twice: 6/8 x 4/6 = 1/2
                "tied events; 7,7,9,9,11,11,12,12; 9",
                // one censored first, then 2 of 4 respond on one day: 2/4
                "censored before the tie; 1*,2,2,3,3; 2",
                // events before censorings on a day: 6/9 at day 5 (two censored after), then 6/9 x 3/4 = 1/2
                "censoring on an event day; 5,5,5,5*,5*,8,9*,9*,9*; 8",
                // six censored: S never reaches 1/2
                "not reached; 3,4,5,6,7*,7*,7*,7*,7*,7*; "
            })
    void shouldReportTheFirstDayWithSurvivalAtOrBelowOneHalf(String name, String cohort, Long expectedMedian) {
        KaplanMeier.Curve curve = KaplanMeier.estimate(observations(cohort));

        assertThat(curve.medianDay()).as(name).isEqualTo(expectedMedian);
        if (expectedMedian != null) {
            // the curve's own row for that day agrees: survival at or below 0.5, and above it the day before
            List<KaplanMeier.Step> steps = curve.steps();
            KaplanMeier.Step median = steps.stream()
                    .filter(s -> s.day() == expectedMedian)
                    .findFirst()
                    .orElseThrow();
            assertThat(median.survival()).as(name).isLessThanOrEqualTo(0.5);
            assertThat(steps.stream().filter(s -> s.day() < expectedMedian))
                    .as(name)
                    .allMatch(s -> s.survival() > 0.5);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                // at day 20: S = 0.7, G = 1/90 + 2/63, S - z*se = 0.416 <= 0.5; at day 10 0.714;
                // the upper limit needs S + z*se <= 0.5, never reached once the events stop at S = 1/2
                "ten patients; 10,20,20,30,40,100*,100*,100*,100*,100*; 20; ",
                // all respond on one day: S = 0, se = 0 there
                "all on one day; 42,42,42,42,42; 42; 42"
            })
    void shouldPlaceTheBrookmeyerCrowleyLimits(String name, String cohort, Long lower, Long upper) {
        KaplanMeier.Curve curve = KaplanMeier.estimate(observations(cohort));

        assertThat(curve.medianLower()).as(name).isEqualTo(lower);
        assertThat(curve.medianUpper()).as(name).isEqualTo(upper);
        KaplanMeier.Step first = curve.steps().get(0);
        assertThat(first.lower()).isEqualTo(Math.max(0, first.survival() - Summaries.Z * first.standardError()));
        assertThat(first.upper()).isEqualTo(Math.min(1, first.survival() + Summaries.Z * first.standardError()));
    }

    @Property(tries = 2000)
    void shouldFindTheSameMedianAndLimitsAsExactFractions(@ForAll("cohorts") List<KaplanMeier.Observation> cohort) {
        Reference reference = Reference.of(cohort);
        Assume.that(!reference.limitsTooCloseToCall());

        KaplanMeier.Curve curve = KaplanMeier.estimate(cohort);

        assertThat(curve.medianDay()).isEqualTo(reference.median);
        assertThat(curve.medianLower()).isEqualTo(reference.lower);
        assertThat(curve.medianUpper()).isEqualTo(reference.upper);
        assertThat(curve.events() + curve.censored()).isEqualTo(cohort.size());
    }

    /** Small cohorts over few days: many ties, so S lands on 1/2 often. */
    @Provide
    Arbitrary<List<KaplanMeier.Observation>> cohorts() {
        Arbitrary<KaplanMeier.Observation> observation = Combinators.combine(
                        Arbitraries.longs().between(1, 12),
                        Arbitraries.integers().between(0, 3).map(i -> i > 0))
                .as(KaplanMeier.Observation::new);
        return observation.list().ofMinSize(1).ofMaxSize(24);
    }

    /**
     * The definitions computed independently: S and Greenwood's sum as exact fractions (Hipparchus'
     * BigFraction), the limits' square root in 60-digit decimals.
     */
    private record Reference(Long median, Long lower, Long upper, boolean limitsTooCloseToCall) {

        private static final MathContext DIGITS = new MathContext(60);
        private static final BigDecimal Z = new BigDecimal("1.959963985");
        private static final BigDecimal HALF = new BigDecimal("0.5");
        private static final BigDecimal CLOSE = new BigDecimal("1e-40");

        static Reference of(List<KaplanMeier.Observation> cohort) {
            TreeMap<Long, int[]> byDay = new TreeMap<>();
            cohort.forEach(o -> byDay.computeIfAbsent(o.day(), d -> new int[2])[o.event() ? 0 : 1]++);
            BigFraction survival = BigFraction.ONE;
            BigFraction greenwood = BigFraction.ZERO;
            int atRisk = cohort.size();
            Long median = null;
            Long lower = null;
            Long upper = null;
            boolean tooClose = false;
            for (var day : byDay.entrySet()) {
                int events = day.getValue()[0];
                if (events > 0) {
                    survival = survival.multiply(new BigFraction(atRisk - events, atRisk));
                    if (atRisk > events) {
                        greenwood = greenwood.add(new BigFraction(events, (long) atRisk * (atRisk - events)));
                    }
                    if (median == null && survival.compareTo(BigFraction.ONE_HALF) <= 0) {
                        median = day.getKey();
                    }
                    BigDecimal s = survival.bigDecimalValue(80, java.math.RoundingMode.HALF_EVEN);
                    BigDecimal zse = Z.multiply(s)
                            .multiply(greenwood
                                    .bigDecimalValue(80, java.math.RoundingMode.HALF_EVEN)
                                    .sqrt(DIGITS));
                    BigDecimal lowerGap = s.subtract(zse).subtract(HALF);
                    BigDecimal upperGap = s.add(zse).subtract(HALF);
                    tooClose |= (lower == null && lowerGap.abs().compareTo(CLOSE) < 0)
                            || (upper == null && upperGap.abs().compareTo(CLOSE) < 0);
                    if (lower == null && lowerGap.signum() <= 0) {
                        lower = day.getKey();
                    }
                    if (upper == null && upperGap.signum() <= 0) {
                        upper = day.getKey();
                    }
                }
                atRisk -= events + day.getValue()[1];
            }
            return new Reference(median, lower, upper, tooClose);
        }
    }

    /** "10,20*" : a response on day 10, a censoring on day 20. */
    private static List<KaplanMeier.Observation> observations(String cohort) {
        List<KaplanMeier.Observation> observations = new ArrayList<>();
        for (String entry : cohort.split(",")) {
            String day = entry.trim();
            boolean censored = day.endsWith("*");
            observations.add(new KaplanMeier.Observation(
                    Long.parseLong(censored ? day.substring(0, day.length() - 1) : day), !censored));
        }
        return observations;
    }
}
