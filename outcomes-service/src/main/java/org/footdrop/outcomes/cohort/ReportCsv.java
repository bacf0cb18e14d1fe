package org.footdrop.outcomes.cohort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.footdrop.outcomes.derivation.Window;
import org.footdrop.outcomes.statistics.Estimate;

/**
 * The cohort report as one CSV table at full precision: a row per group, measure and window, a row
 * per group and measure for time to response (window {@code TIME_TO_RESPONSE}), and a row for each
 * count beside the groups ({@code UNTREATED}, {@code SINGLE_INJECTION}). Blank where a figure does
 * not apply or is suppressed.
 */
final class ReportCsv {

    static final String TIME_TO_RESPONSE = "TIME_TO_RESPONSE";

    private static final List<String> FIGURES = List.of(
            "population",
            "suppressed",
            "n",
            "measure",
            "window",
            "m",
            "meanChange",
            "meanChangeLower",
            "meanChangeUpper",
            "sdChange",
            "medianChange",
            "medianChangeLower",
            "medianChangeUpper",
            "responders",
            "responderProportion",
            "responderProportionLower",
            "responderProportionUpper",
            "nIncluded",
            "events",
            "censored",
            "medianDays",
            "medianDaysLower",
            "medianDaysUpper");

    private ReportCsv() {}

    static String of(CohortQueries.ReportAnswer answer) {
        List<String> columns = new ArrayList<>(answer.groupBy());
        columns.addAll(FIGURES);
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        beside(csv, columns, "UNTREATED", answer.beside().untreated());
        beside(csv, columns, "SINGLE_INJECTION", answer.beside().singleInjection());
        for (GroupCells.ReportGroup group : answer.groups()) {
            Map<String, Object> base = new HashMap<>(group.group());
            base.put("population", "GROUP");
            base.put("suppressed", group.suppressed());
            base.put("n", group.n());
            if (group.suppressed()) {
                line(csv, columns, base);
                continue;
            }
            group.measures().forEach((measure, report) -> {
                for (Map.Entry<Window, CohortStatistics.WindowFigures> cell :
                        report.windows().entrySet()) {
                    Map<String, Object> values = new HashMap<>(base);
                    values.put("measure", measure);
                    values.put("window", cell.getKey());
                    window(values, cell.getValue());
                    line(csv, columns, values);
                }
                Map<String, Object> values = new HashMap<>(base);
                values.put("measure", measure);
                values.put("window", TIME_TO_RESPONSE);
                var ttr = report.timeToResponse();
                values.put("nIncluded", ttr.nIncluded());
                values.put("events", ttr.events());
                values.put("censored", ttr.censored());
                values.put("medianDays", ttr.medianDays());
                values.put("medianDaysLower", ttr.medianLower());
                values.put("medianDaysUpper", ttr.medianUpper());
                line(csv, columns, values);
            });
        }
        return csv.toString();
    }

    private static void window(Map<String, Object> values, CohortStatistics.WindowFigures figures) {
        values.put("m", figures.m());
        estimate(values, "meanChange", figures.meanChange());
        values.put("sdChange", figures.sdChange());
        estimate(values, "medianChange", figures.medianChange());
        values.put("responders", figures.responders().count());
        estimate(values, "responderProportion", figures.responders().proportion());
    }

    private static void estimate(Map<String, Object> values, String name, Estimate estimate) {
        if (estimate != null) {
            values.put(name, estimate.value());
            values.put(name + "Lower", estimate.lower());
            values.put(name + "Upper", estimate.upper());
        }
    }

    private static void beside(StringBuilder csv, List<String> columns, String population, Count count) {
        if (count != null) {
            line(
                    csv,
                    columns,
                    Map.of(
                            "population",
                            population,
                            "suppressed",
                            count.suppressed(),
                            "n",
                            count.n() == null ? "" : count.n()));
        }
    }

    private static void line(StringBuilder csv, List<String> columns, Map<String, Object> values) {
        csv.append(ExportRows.csvLine(columns, values)).append('\n');
    }
}
