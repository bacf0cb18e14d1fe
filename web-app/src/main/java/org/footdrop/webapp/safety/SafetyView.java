package org.footdrop.webapp.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.footdrop.webapp.cohort.Figures;
import tools.jackson.databind.JsonNode;

/**
 * Adverse events by technique and solution and the data-quality counts, as outcomes-service answers them:
 * every number is the API's; a suppressed group stays suppressed (never shown as zero).
 */
public record SafetyView(String asOf, List<Group> groups, List<Check> checks, String caveat, String minimumGroupSize) {

    /** A rate with its interval, as the API gives it (the page's data attributes keep it so). */
    public record Rate(String value, String lower, String upper) {

        /** For reading: a percentage with one decimal and its interval, as the cohort pages show proportions. */
        public String shown() {
            return Figures.percent(value) + "% (" + Figures.percent(lower) + "–" + Figures.percent(upper) + "%)";
        }
    }

    public record Group(
            String technique,
            String solution,
            boolean suppressed,
            String n,
            String injections,
            String injectionsWithAdverseEvent,
            Rate perInjection,
            String patientsWithAdverseEvent,
            Rate perPatient,
            String bySeverity,
            String byType) {

        public String label() {
            return technique + " · " + solution;
        }
    }

    public record Check(String check, String meaning, String count) {}

    static SafetyView of(JsonNode safety, JsonNode summary) {
        List<Group> groups = new ArrayList<>();
        for (JsonNode g : safety.path("groups")) {
            boolean suppressed = g.path("suppressed").asBoolean();
            groups.add(new Group(
                    text(g, "technique"),
                    text(g, "solution"),
                    suppressed,
                    text(g, "n"),
                    text(g, "injections"),
                    text(g, "injectionsWithAdverseEvent"),
                    rate(g.path("perInjection")),
                    text(g, "patientsWithAdverseEvent"),
                    rate(g.path("perPatient")),
                    counts(g.path("bySeverity")),
                    counts(g.path("byType"))));
        }
        List<Check> checks = new ArrayList<>();
        for (JsonNode c : summary.path("checks")) {
            checks.add(new Check(text(c, "check"), text(c, "meaning"), text(c, "count")));
        }
        JsonNode definitions = safety.path("definitions");
        return new SafetyView(
                text(safety, "asOf"),
                groups,
                checks,
                text(definitions, "caveat"),
                text(definitions, "minimumGroupSize"));
    }

    private static Rate rate(JsonNode r) {
        return r.isObject() ? new Rate(text(r, "value"), text(r, "lower"), text(r, "upper")) : null;
    }

    private static String counts(JsonNode byName) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : byName.properties()) {
            parts.add(e.getKey() + " " + e.getValue().asString());
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }
}
