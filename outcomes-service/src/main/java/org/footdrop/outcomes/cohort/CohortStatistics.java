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
    record GroupOutcome(Map<String, String> group, Object n, Integer nWithBaselineAndWindowValue,
            Estimate meanChange, Estimate medianChange, Responders responders, BaselineCharacteristics baseline) {
    }

    /** @param proportion with its Wilson 95% interval */
    record Responders(int count, Estimate proportion) {
    }

    record BaselineCharacteristics(Map<String, Integer> ageBand, Map<String, Integer> sex,
            Map<String, Integer> causeCategory, Estimate symptomDurationDays, Estimate baselineValue) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GroupCurve(Map<String, String> group, Object n, Integer nIncluded, List<KaplanMeier.Step> steps,
            Long medianDays, Long medianLower, Long medianUpper) {
    }

    private CohortStatistics() {
    }

    static GroupOutcome outcome(Map<String, String> group, List<CohortRow> rows, Measure measure, Window window,
            int minimum) {
        if (rows.size() < minimum) {
            return new GroupOutcome(group, suppressed(minimum), null, null, null, null, null);
        }
        int slot = CohortRow.slot(measure, window);
        List<CohortRow> withChange = rows.stream().filter(r -> (r.flags()[slot] & CohortRow.HAS_CHANGE) != 0).toList();
        double[] changes = withChange.stream().mapToDouble(r -> r.change()[slot]).toArray();
        int responders = (int) withChange.stream().filter(r -> (r.flags()[slot] & CohortRow.RESPONDER) != 0).count();
        return new GroupOutcome(group, rows.size(), withChange.size(),
                measure.scale() == Measure.Scale.MRC ? null : Summaries.meanWithTInterval(changes),
                Summaries.medianWithInterval(changes),
                new Responders(responders, Summaries.wilson(responders, withChange.size())),
                baseline(rows, measure));
    }

    static GroupCurve timeToResponse(Map<String, String> group, List<CohortRow> rows, Measure measure, int minimum) {
        if (rows.size() < minimum) {
            return new GroupCurve(group, suppressed(minimum), null, null, null, null, null);
        }
        List<KaplanMeier.Observation> observations = new ArrayList<>();
        for (CohortRow row : rows) {
            int ttr = row.timeToResponse()[measure.ordinal()];
            if (ttr != CohortRow.EXCLUDED) {
                observations.add(ttr >= 0 ? new KaplanMeier.Observation(ttr, true)
                        : new KaplanMeier.Observation(-ttr - 1L, false));
            }
        }
        KaplanMeier.Curve curve = KaplanMeier.estimate(observations);
        return new GroupCurve(group, rows.size(), observations.size(), curve.steps(), curve.medianDay(),
                curve.medianLower(), curve.medianUpper());
    }

    private static BaselineCharacteristics baseline(List<CohortRow> rows, Measure measure) {
        double[] durations = rows.stream().filter(r -> r.symptomDurationDays() != null)
                .mapToDouble(r -> r.symptomDurationDays()).toArray();
        double[] baselines = rows.stream().mapToDouble(r -> r.baseline()[measure.ordinal()])
                .filter(v -> !Double.isNaN(v)).toArray();
        return new BaselineCharacteristics(counts(rows, CohortRow::ageBand), counts(rows, CohortRow::sex),
                counts(rows, CohortRow::cause), Summaries.medianWithInterval(durations),
                Summaries.medianWithInterval(baselines));
    }

    private static Map<String, Integer> counts(List<CohortRow> rows, Function<CohortRow, Object> value) {
        Map<String, Integer> counts = new TreeMap<>();
        rows.forEach(r -> counts.merge(value.apply(r) == null ? "UNKNOWN" : value.apply(r).toString(), 1, Integer::sum));
        return new LinkedHashMap<>(counts);
    }

    static Map<String, String> label(List<Dimension> dimensions, List<String> values) {
        Map<String, String> group = new LinkedHashMap<>();
        for (int i = 0; i < dimensions.size(); i++) {
            group.put(dimensions.get(i).wireName(), values.get(i));
        }
        return group;
    }

    static List<String> key(CohortRow row, List<Dimension> dimensions, Measure measure, Window window) {
        return Arrays.asList(dimensions.stream().map(d -> d.valueOf(row, measure, window)).toArray(String[]::new));
    }
}
