package org.footdrop.webapp.cohort;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.footdrop.contract.intake.Measure;
import tools.jackson.databind.JsonNode;

/**
 * The cohort page, read from outcomes-service's report as it is: every figure is the API's, kept at
 * full precision for the charts and the tests, and rounded only for reading. A suppressed group
 * carries no figure at all, so it can only be shown as suppressed.
 *
 * @param measures the measures shown (all, or the one the page asked for), in the contract's order
 */
public record CohortReportView(
        String asOf,
        List<String> groupBy,
        Figures.Count untreated,
        Figures.Count singleInjection,
        List<Group> groups,
        List<MeasureTable> measures,
        Definitions definitions) {

    /** A group's labels and size; {@code n} null when suppressed. */
    public record Group(Map<String, String> labels, String label, boolean suppressed, String n) {}

    /** A figure with its 95% interval: the API's numbers, and the text a reader sees. */
    public record Estimate(String value, String lower, String upper, String shown) {

        static Estimate of(JsonNode node, int decimals, boolean percent) {
            if (!node.isObject() || !node.has("value")) {
                return null;
            }
            String value = Figures.text(node, "value");
            String lower = Figures.text(node, "lower");
            String upper = Figures.text(node, "upper");
            String shown = percent ? Figures.percent(value) + "%" : Figures.rounded(value, decimals);
            if (lower != null && upper != null) {
                shown += percent
                        ? " (" + Figures.percent(lower) + " to " + Figures.percent(upper) + ")"
                        : " (" + Figures.rounded(lower, decimals) + " to " + Figures.rounded(upper, decimals) + ")";
            }
            return new Estimate(value, lower, upper, shown);
        }
    }

    /** One group's figures at one window. */
    public record WindowRow(
            String window,
            String m,
            Estimate meanChange,
            String sdChange,
            Estimate medianChange,
            String responders,
            Estimate responderProportion) {}

    /** One group's time to response for the measure (the report's summary; the curve is on its own page). */
    public record Survival(
            String nIncluded,
            String events,
            String censored,
            String medianDays,
            String medianLower,
            String medianUpper) {

        public String median() {
            if (medianDays == null) {
                return "not reached";
            }
            return medianDays + " days (" + (medianLower == null ? "not reached" : medianLower) + " to "
                    + (medianUpper == null ? "not reached" : medianUpper) + ")";
        }
    }

    public record GroupRows(Group group, List<WindowRow> windows, Survival timeToResponse) {}

    /** One measure: a row per group and window. {@code ordinal}: MRC grades, with no mean. */
    public record MeasureTable(
            String measure,
            String unit,
            boolean ordinal,
            boolean higherIsBetter,
            String threshold,
            int decimals,
            List<GroupRows> groups) {}

    /** The definitions and thresholds the API used, stated on the page beside its figures. */
    public record Definitions(
            List<Map.Entry<String, String>> terms,
            List<WindowDefinition> windows,
            String minimumGroupSize,
            String caveat) {}

    public record WindowDefinition(String window, String targetDay, String firstDay, String lastDay) {}

    /**
     * @param onlyMeasure the one measure to show, or null for all
     */
    static CohortReportView of(JsonNode answer, Measure onlyMeasure) {
        List<String> groupBy = new ArrayList<>();
        answer.path("groupBy").forEach(d -> groupBy.add(d.asString()));
        Definitions definitions = definitions(answer.path("definitions"));
        List<Group> groups = new ArrayList<>();
        for (JsonNode g : answer.path("groups")) {
            groups.add(group(g, groupBy));
        }
        List<MeasureTable> measures = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            if (onlyMeasure != null && measure != onlyMeasure) {
                continue;
            }
            measures.add(measureTable(measure, answer, groups, definitions));
        }
        return new CohortReportView(
                Figures.text(answer, "asOf"),
                groupBy,
                Figures.Count.of(answer.path("untreated")),
                Figures.Count.of(answer.path("singleInjection")),
                groups,
                measures,
                definitions);
    }

    static Group group(JsonNode g, List<String> groupBy) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String dimension : groupBy) {
            labels.put(dimension, g.path("group").path(dimension).asString(""));
        }
        String label = labels.isEmpty() ? "All treated patients" : String.join(" · ", labels.values());
        boolean suppressed = g.path("suppressed").asBoolean();
        return new Group(labels, label, suppressed, suppressed ? null : Figures.text(g, "n"));
    }

    private static MeasureTable measureTable(
            Measure measure, JsonNode answer, List<Group> groups, Definitions definitions) {
        boolean ordinal = measure.scale() == Measure.Scale.MRC;
        // changes one place finer than the measure is recorded; MRC medians can fall between grades
        int decimals = Math.max(1, measure.decimals() + 1);
        List<GroupRows> rows = new ArrayList<>();
        int i = 0;
        for (JsonNode g : answer.path("groups")) {
            Group group = groups.get(i++);
            if (group.suppressed()) {
                rows.add(new GroupRows(group, List.of(), null));
                continue;
            }
            JsonNode figures = g.path("measures").path(measure.wireName());
            List<WindowRow> windows = new ArrayList<>();
            for (WindowDefinition window : definitions.windows()) {
                JsonNode w = figures.path("windows").path(window.window());
                windows.add(new WindowRow(
                        window.window(),
                        Figures.text(w, "m"),
                        ordinal ? null : Estimate.of(w.path("meanChange"), decimals, false),
                        ordinal ? null : Figures.text(w, "sdChange"),
                        Estimate.of(w.path("medianChange"), decimals, false),
                        Figures.text(w.path("responders"), "count"),
                        Estimate.of(w.path("responders").path("proportion"), 1, true)));
            }
            JsonNode t = figures.path("timeToResponse");
            Survival survival = t.isObject()
                    ? new Survival(
                            Figures.text(t, "nIncluded"),
                            Figures.text(t, "events"),
                            Figures.text(t, "censored"),
                            Figures.text(t, "medianDays"),
                            Figures.text(t, "medianLower"),
                            Figures.text(t, "medianUpper"))
                    : null;
            rows.add(new GroupRows(group, windows, survival));
        }
        return new MeasureTable(
                measure.wireName(),
                measure.unit(),
                ordinal,
                measure.higherIsBetter(),
                Figures.text(answer.path("definitions").path("responderThresholds"), measure.wireName()),
                decimals,
                rows);
    }

    static Definitions definitions(JsonNode d) {
        List<Map.Entry<String, String>> terms = new ArrayList<>();
        for (String[] term : new String[][] {
            {"Day 0", "dayZero"},
            {"Baseline", "baseline"},
            {"Change and responders", "change"},
            {"Time to response", "timeToResponse"},
            {"Assessments used", "assessmentsUsed"},
            {"Follow-up status", "followUp"},
            {"Clinic time zone", "clinicZone"}
        }) {
            String text = Figures.text(d, term[1]);
            if (text != null) {
                terms.add(Map.entry(term[0], text));
            }
        }
        List<WindowDefinition> windows = new ArrayList<>();
        for (JsonNode w : d.path("windows")) {
            windows.add(new WindowDefinition(
                    Figures.text(w, "window"),
                    Figures.text(w, "targetDay"),
                    Figures.text(w, "firstDay"),
                    Figures.text(w, "lastDay")));
        }
        return new Definitions(terms, windows, Figures.text(d, "minimumGroupSize"), Figures.text(d, "caveat"));
    }
}
