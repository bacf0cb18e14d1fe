package org.footdrop.outcomes.cohort;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.footdrop.outcomes.derivation.Measure;
import org.footdrop.outcomes.derivation.Window;
import org.footdrop.outcomes.statistics.Estimate;
import org.footdrop.outcomes.statistics.KaplanMeier;
import org.footdrop.outcomes.statistics.Summaries;

/** Per-group figures computed from cohort rows; groups below the minimum size show n only. */
final class CohortStatistics {

    /** What a suppressed group's n reads: the count is not disclosed. */
    static String suppressed(int minimum) {
        return "<" + minimum;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GroupOutcome(
            Map<String, String> group,
            Object n,
            Integer nWithBaselineAndWindowValue,
            Estimate meanChange,
            Estimate medianChange,
            Responders responders,
            BaselineCharacteristics baseline) {}

    /** @param proportion with its Wilson 95% interval */
    record Responders(int count, Estimate proportion) {}

    /** Category counts under the minimum read "<5" too (see {@link SmallCells}). */
    record BaselineCharacteristics(
            Map<String, Object> ageBand,
            Map<String, Object> sex,
            Map<String, Object> causeCategory,
            Estimate symptomDurationDays,
            Estimate baselineValue) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GroupCurve(
            Map<String, String> group,
            Object n,
            Integer nIncluded,
            List<KaplanMeier.Step> steps,
            Long medianDays,
            Long medianLower,
            Long medianUpper) {}

    private CohortStatistics() {}

    static GroupOutcome outcome(
            Map<String, String> group, List<CohortRow> rows, Measure measure, Window window, int minimum) {
        if (rows.size() < minimum) {
            return new GroupOutcome(group, suppressed(minimum), null, null, null, null, null);
        }
        int slot = CohortRow.slot(measure, window);
        double[] changes = new double[rows.size()];
        int withChange = 0;
        int responders = 0;
        for (CohortRow row : rows) {
            byte flags = row.flags()[slot];
            if ((flags & CohortRow.HAS_CHANGE) != 0) {
                changes[withChange++] = row.change()[slot];
                responders += (flags & CohortRow.RESPONDER) != 0 ? 1 : 0;
            }
        }
        changes = Arrays.copyOf(changes, withChange);
        return new GroupOutcome(
                group,
                rows.size(),
                withChange,
                measure.scale() == Measure.Scale.MRC ? null : Summaries.meanWithTInterval(changes),
                Summaries.medianWithInterval(changes),
                new Responders(responders, Summaries.wilson(responders, withChange)),
                baseline(rows, measure, minimum));
    }

    static GroupCurve timeToResponse(Map<String, String> group, List<CohortRow> rows, Measure measure, int minimum) {
        if (rows.size() < minimum) {
            return new GroupCurve(group, suppressed(minimum), null, null, null, null, null);
        }
        List<KaplanMeier.Observation> observations = new ArrayList<>();
        for (CohortRow row : rows) {
            int ttr = row.timeToResponse()[measure.ordinal()];
            if (ttr != CohortRow.EXCLUDED) {
                observations.add(
                        ttr >= 0
                                ? new KaplanMeier.Observation(ttr, true)
                                : new KaplanMeier.Observation(-ttr - 1L, false));
            }
        }
        KaplanMeier.Curve curve = KaplanMeier.estimate(observations);
        return new GroupCurve(
                group,
                rows.size(),
                observations.size(),
                curve.steps(),
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
        durations = Arrays.copyOf(durations, d);
        baselines = Arrays.copyOf(baselines, b);
        return new BaselineCharacteristics(
                SmallCells.suppress(counts(rows, CohortRow::ageBand), minimum),
                SmallCells.suppress(counts(rows, CohortRow::sex), minimum),
                SmallCells.suppress(counts(rows, CohortRow::cause), minimum),
                Summaries.medianWithInterval(durations),
                Summaries.medianWithInterval(baselines));
    }

    private static Map<String, Integer> counts(List<CohortRow> rows, Function<CohortRow, Object> value) {
        Map<Object, int[]> counts = new java.util.HashMap<>();
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
