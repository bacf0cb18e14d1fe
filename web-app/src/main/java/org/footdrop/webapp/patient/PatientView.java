package org.footdrop.webapp.patient;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.footdrop.contract.intake.Measure;
import org.footdrop.webapp.services.OutcomesApi;
import tools.jackson.databind.JsonNode;

/**
 * One patient's page, read from outcomes-service's answer as it is: every number shown is the API's
 * (the page computes no statistic). Only the responder line is placed, at the baseline moved by the
 * API's threshold in the measure's direction of improvement, so the chart can draw it.
 */
public record PatientView(
        String patientId,
        boolean diagnosisPending,
        Diagnosis diagnosis,
        String dayZero,
        String symptomDurationDays,
        String followUpStatus,
        String seriesAdherence,
        List<Injection> injections,
        List<Therapy> therapies,
        List<MeasureView> measures,
        List<String> notMeasured,
        Map<String, List<String>> notDrawn,
        long assessments,
        List<OutcomesApi.Finding> findings,
        String asOf,
        String caveat) {

    public record Diagnosis(
            String cause, String mechanism, String side, String onset, String diagnosisDate, String revision) {}

    public record Injection(
            String nth,
            String date,
            String day,
            String technique,
            String given,
            String solution,
            String intervalDays,
            String spacing,
            List<String> adverseEvents) {}

    public record Therapy(String type, String plannedSessions, String attendedSessions, String adherence) {}

    public record Point(String day, String value, String numeric) {}

    public record Window(
            String window,
            String targetDay,
            String firstDay,
            String lastDay,
            String value,
            String day,
            String change,
            String responder,
            String injectionsReceived) {}

    public record MeasureView(
            String name,
            String unit,
            boolean higherIsBetter,
            String threshold,
            String responderLine,
            Point baseline,
            String exclusion,
            List<Window> windows,
            String timeToResponse,
            List<Point> values) {

        /** The id of the chart's element and its table. */
        public String elementId() {
            return "measure-" + name;
        }
    }

    /**
     * @param injectionDetails how each injection was given, by injectionId, from treatment-service's list
     */
    static PatientView of(JsonNode answer, Map<String, String> injectionDetails, List<OutcomesApi.Finding> findings) {
        JsonNode definitions = answer.path("definitions");
        JsonNode current = answer.path("currentDiagnosis");
        Diagnosis diagnosis = null;
        if (current.isObject()) {
            JsonNode d = current.path("diagnosis");
            diagnosis = new Diagnosis(
                    text(d, "causeCategory"),
                    text(d, "mechanism"),
                    text(d, "side"),
                    text(d, "symptomOnsetDate"),
                    text(d, "diagnosisDate"),
                    text(current, "revision"));
        }
        List<Injection> injections = new ArrayList<>();
        for (JsonNode i : answer.path("injections")) {
            List<String> adverse = new ArrayList<>();
            for (JsonNode a : i.path("adverseEvents")) {
                adverse.add(text(a, "type") + " (" + text(a, "severity") + ", "
                        + (a.path("resolved").asBoolean() ? "resolved" : "not resolved") + ")");
            }
            injections.add(new Injection(
                    text(i, "nth"),
                    text(i, "date"),
                    text(i, "day"),
                    text(i, "technique"),
                    injectionDetails.get(text(i, "injectionId")),
                    text(i, "solution"),
                    text(i, "intervalDays"),
                    text(i, "spacing"),
                    adverse));
        }
        List<Therapy> therapies = new ArrayList<>();
        for (JsonNode t : answer.path("therapies")) {
            therapies.add(new Therapy(
                    text(t, "type"), text(t, "plannedSessions"), text(t, "attendedSessions"), text(t, "adherence")));
        }
        List<MeasureView> measures = new ArrayList<>();
        List<String> notMeasured = new ArrayList<>();
        // measures the API left undrawn with its reason (no injection yet, so no day 0), by that reason
        Map<String, List<String>> notDrawn = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : answer.path("measures").properties()) {
            MeasureView measure = measure(entry.getKey(), entry.getValue(), definitions);
            if (measure.values().isEmpty() && measure.exclusion() != null) {
                notDrawn.computeIfAbsent(measure.exclusion(), reason -> new ArrayList<>())
                        .add(measure.name());
            } else if (measure.values().isEmpty()) {
                notMeasured.add(measure.name());
            } else {
                measures.add(measure);
            }
        }
        return new PatientView(
                text(answer, "patientId"),
                answer.path("diagnosisPending").asBoolean(),
                diagnosis,
                text(answer, "dayZero"),
                text(answer, "symptomDurationDays"),
                text(answer, "followUpStatus"),
                text(answer, "seriesAdherence"),
                injections,
                therapies,
                measures,
                notMeasured,
                notDrawn,
                assessments(answer),
                findings,
                text(answer, "asOf"),
                text(definitions, "caveat"));
    }

    /** The patient's assessments the API lists among the records it applied, voided ones left out. */
    private static long assessments(JsonNode answer) {
        long count = 0;
        for (JsonNode record : answer.path("records")) {
            if ("ASSESSMENT".equals(text(record, "kind"))
                    && !record.path("voided").asBoolean()) {
                count++;
            }
        }
        return count;
    }

    private static MeasureView measure(String name, JsonNode m, JsonNode definitions) {
        Measure measure = Measure.fromWireName(name);
        String threshold = text(definitions.path("responderThresholds"), name);
        Point baseline = m.path("baseline").isObject() ? point(measure, m.path("baseline")) : null;
        String responderLine = null;
        if (baseline != null && threshold != null && baseline.numeric() != null) {
            BigDecimal base = new BigDecimal(baseline.numeric());
            BigDecimal step = new BigDecimal(threshold);
            responderLine = (measure.higherIsBetter() ? base.add(step) : base.subtract(step)).toPlainString();
        }
        List<Window> windows = new ArrayList<>();
        for (JsonNode w : definitions.path("windows")) {
            String window = text(w, "window");
            JsonNode answer = m.path("windows").path(window);
            JsonNode value = answer.path("value");
            windows.add(new Window(
                    window,
                    text(w, "targetDay"),
                    text(w, "firstDay"),
                    text(w, "lastDay"),
                    text(value, "value"),
                    text(value, "day"),
                    text(answer, "change"),
                    answer.has("responder") ? (answer.path("responder").asBoolean() ? "yes" : "no") : null,
                    text(answer, "injectionsReceived")));
        }
        String timeToResponse = null;
        JsonNode ttr = m.path("timeToResponse");
        if (ttr.isObject()) {
            timeToResponse = ttr.path("responded").asBoolean()
                    ? "responded on day " + text(ttr, "days")
                    : "no response yet (followed " + text(ttr, "days") + " days)";
        }
        JsonNode exclusion = m.path("exclusion");
        List<Point> values = new ArrayList<>();
        for (JsonNode v : m.path("values")) {
            values.add(point(measure, v));
        }
        return new MeasureView(
                name,
                measure.unit(),
                measure.higherIsBetter(),
                threshold,
                responderLine,
                baseline,
                exclusion.isObject() ? text(exclusion, "reason") : null,
                windows,
                timeToResponse,
                values);
    }

    private static Point point(Measure measure, JsonNode v) {
        JsonNode value = v.path("value");
        String shown = value.isMissingNode() || value.isNull() ? null : value.asString();
        String numeric = null;
        if (shown != null) {
            numeric = measure.scale() == Measure.Scale.MRC
                    ? measure.numeric(shown).toPlainString()
                    : new BigDecimal(shown).toPlainString();
        }
        return new Point(text(v, "day"), shown, numeric);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }
}
