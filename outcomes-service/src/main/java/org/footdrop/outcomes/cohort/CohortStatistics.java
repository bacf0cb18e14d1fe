package org.footdrop.outcomes.cohort;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.footdrop.contract.intake.Measure;
import org.footdrop.outcomes.derivation.Window;
import org.footdrop.outcomes.statistics.Estimate;
import org.footdrop.outcomes.statistics.KaplanMeier;
import org.footdrop.outcomes.statistics.Summaries;

/**
 * Per-group figures computed from cohort rows. A group with fewer patients than the minimum is
 * {@code suppressed}: no counts and no figures. n counts the group's treated patients; m those
 * with the values a figure needs.
 */
final class CohortStatistics {

    /**
     * One measure at one window in one group. Mean and SD of change are left out for MRC grades
     * (ordinal: medians and proportions only).
     *
     * @param m patients with a baseline and a value in the window
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WindowFigures(int m, Estimate meanChange, Double sdChange, Estimate medianChange, Responders responders) {}

    /** @param proportion with its Wilson 95% interval; null when m is 0 */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Responders(int count, Estimate proportion) {}

    /**
     * The Kaplan-Meier summary of one measure in one group.
     *
     * @param nIncluded patients with a baseline and an assessment after day 0
     * @param medianDays first day with S(t) <= 1/2; null where not reached, like its limits
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TimeToResponseSummary(
            int nIncluded, int events, int censored, Long medianDays, Long medianLower, Long medianUpper) {}

    /** Category cells are typed counts too (see {@link SmallCells}). */
    record BaselineCharacteristics(
            Map<String, Count> ageBand,
            Map<String, Count> sex,
            Map<String, Count> causeCategory,
            Estimate symptomDurationDays,
            Estimate baselineValue) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GroupOutcome(
            Map<String, String> group,
            boolean suppressed,
            Integer n,
            @JsonUnwrapped WindowFigures figures,
            BaselineCharacteristics baseline) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GroupCurve(
            Map<String, String> group,
            boolean suppressed,
            Integer n,
            @JsonUnwrapped TimeToResponseSummary summary,
            List<KaplanMeier.Step> steps) {}

    private CohortStatistics() {}

    static GroupOutcome outcome(
            Map<String, String> group, List<CohortRow> rows, Measure measure, Window window, int minimum) {
        if (rows.size() < minimum) {
            return new GroupOutcome(group, true, null, null, null);
        }
        int slot = CohortRow.slot(measure, window);
        double[] changes = new double[rows.size()];
        int m = 0;
        int responders = 0;
        for (CohortRow row : rows) {
            byte flags = row.flags()[slot];
            if ((flags & CohortRow.HAS_CHANGE) != 0) {
                changes[m++] = row.change()[slot];
                responders += (flags & CohortRow.RESPONDER) != 0 ? 1 : 0;
            }
        }
        return new GroupOutcome(
                group,
                false,
                rows.size(),
                figures(measure, Arrays.copyOf(changes, m), responders),
                baseline(rows, measure, minimum));
    }

    /** The figures of one cell from its changes (one per patient with a baseline and a window value). */
    static WindowFigures figures(Measure measure, double[] changes, int responders) {
        boolean ordinal = measure.scale() == Measure.Scale.MRC;
        return new WindowFigures(
                changes.length,
                ordinal ? null : Summaries.meanWithTInterval(changes),
                ordinal ? null : Summaries.standardDeviation(changes),
                Summaries.medianWithInterval(changes),
                new Responders(responders, Summaries.wilson(responders, changes.length)));
    }

    static GroupCurve timeToResponse(Map<String, String> group, List<CohortRow> rows, Measure measure, int minimum) {
        if (rows.size() < minimum) {
            return new GroupCurve(group, true, null, null, null);
        }
        List<KaplanMeier.Observation> observations = new ArrayList<>();
        for (CohortRow row : rows) {
            KaplanMeier.Observation observation = observation(row.timeToResponse()[measure.ordinal()]);
            if (observation != null) {
                observations.add(observation);
            }
        }
        KaplanMeier.Curve curve = KaplanMeier.estimate(observations);
        return new GroupCurve(group, false, rows.size(), summary(observations.size(), curve), curve.steps());
    }

    /** A row's packed time to response as an observation; null when the patient is excluded. */
    static KaplanMeier.Observation observation(int packed) {
        if (packed == CohortRow.EXCLUDED) {
            return null;
        }
        return packed >= 0
                ? new KaplanMeier.Observation(packed, true)
                : new KaplanMeier.Observation(-packed - 1L, false);
    }

    static TimeToResponseSummary summary(int included, KaplanMeier.Curve curve) {
        return new TimeToResponseSummary(
                included,
                curve.events(),
                curve.censored(),
                curve.medianDay(),
                curve.medianLower(),
                curve.medianUpper());
    }

    private static BaselineCharacteristics baseline(List<CohortRow> rows, Measure measure, int minimum) {
        double[] durations = new double[rows.size()];
        double[] baselines = new double[rows.size()];
        int d = 0;
        int b = 0;
        for (CohortRow row : rows) {
            if (row.symptomDurationDays() != null) {
                durations[d++] = row.symptomDurationDays();
            }
            double baseline = row.baseline()[measure.ordinal()];
            if (!Double.isNaN(baseline)) {
                baselines[b++] = baseline;
            }
        }
        return new BaselineCharacteristics(
                SmallCells.suppress(counts(rows, CohortRow::ageBand), minimum),
                SmallCells.suppress(counts(rows, CohortRow::sex), minimum),
                SmallCells.suppress(counts(rows, CohortRow::cause), minimum),
                Summaries.medianWithInterval(Arrays.copyOf(durations, d)),
                Summaries.medianWithInterval(Arrays.copyOf(baselines, b)));
    }

    private static Map<String, Integer> counts(List<CohortRow> rows, Function<CohortRow, Object> value) {
        Map<Object, int[]> counts = new HashMap<>();
        for (CohortRow row : rows) {
            counts.computeIfAbsent(value.apply(row), k -> new int[1])[0]++;
        }
        Map<String, Integer> sorted = new TreeMap<>();
        counts.forEach((k, n) -> sorted.put(k == null ? "UNKNOWN" : k.toString(), n[0]));
        return new LinkedHashMap<>(sorted);
    }

    static Map<String, String> label(List<Dimension> dimensions, List<String> values) {
        Map<String, String> group = new LinkedHashMap<>();
        for (int i = 0; i < dimensions.size(); i++) {
            group.put(dimensions.get(i).wireName(), values.get(i));
        }
        return group;
    }

    static List<String> key(CohortRow row, List<Dimension> dimensions, Measure measure, Window window) {
        String[] key = new String[dimensions.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = dimensions.get(i).valueOf(row, measure, window);
        }
        return Arrays.asList(key);
    }
}
