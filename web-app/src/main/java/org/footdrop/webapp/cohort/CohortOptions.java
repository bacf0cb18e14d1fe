package org.footdrop.webapp.cohort;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filters and group-by dimensions the analysts' forms offer, read from outcomes-service's committed
 * OpenAPI document (docs/api/outcomes-service.json, copied into this module's classes at build time): the
 * report endpoint's query parameters and the values each takes. The service's own enums write that document,
 * so no list of causes, solutions or bands is written here; only the labels people read are.
 *
 * @param filters each filter parameter in the order the API lists them
 * @param dimensions what the report groups by
 */
record CohortOptions(List<CohortParameters.Filter> filters, List<String> dimensions) {

    /** The copy of docs/api/outcomes-service.json beside this class (web-app's pom copies it). */
    static final String CONTRACT = "outcomes-service.json";

    static final String REPORT = "/api/v1/cohorts/report";

    /** Parameters that are neither a filter nor the grouping (the measure is the event contract's {@code Measure}). */
    private static final List<String> NOT_FILTERS = List.of("format", "groupBy", "measure");

    /** What the form calls each filter; a filter the API adds later shows its parameter name until named here. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("causeCategory", "Cause"),
            Map.entry("mechanism", "Mechanism"),
            Map.entry("side", "Side"),
            Map.entry("techniqueGroup", "Technique (first injection)"),
            Map.entry("solutionGroup", "Solution"),
            Map.entry("adherence", "Injection spacing"),
            Map.entry("therapyType", "Therapy"),
            Map.entry("symptomDurationBand", "Symptom duration"),
            Map.entry("followUpStatus", "Follow-up"),
            Map.entry("diagnosedFrom", "Diagnosed from"),
            Map.entry("diagnosedTo", "Diagnosed to"));

    static CohortOptions fromContract() {
        try (InputStream in = CohortOptions.class.getResourceAsStream(CONTRACT)) {
            if (in == null) {
                throw new IllegalStateException("No " + CONTRACT + " beside " + CohortOptions.class.getName()
                        + ": web-app's build copies docs/api/outcomes-service.json there");
            }
            return of(JsonMapper.builder().build().readTree(in), REPORT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The options of one GET operation of the document: its enumerated and date parameters, and groupBy. */
    static CohortOptions of(JsonNode openApi, String path) {
        JsonNode parameters = openApi.path("paths").path(path).path("get").path("parameters");
        if (!parameters.isArray() || parameters.isEmpty()) {
            throw new IllegalStateException("The OpenAPI document has no parameters for GET " + path);
        }
        List<CohortParameters.Filter> filters = new ArrayList<>();
        List<String> dimensions = List.of();
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asString();
            JsonNode schema = parameter.path("schema");
            if (name.equals("groupBy")) {
                dimensions = values(schema.path("items"));
            } else if (!NOT_FILTERS.contains(name)
                    && parameter.path("in").asString().equals("query")) {
                boolean date = schema.path("format").asString("").equals("date");
                filters.add(new CohortParameters.Filter(
                        name, LABELS.getOrDefault(name, name), date ? List.of() : values(schema), date));
            }
        }
        return new CohortOptions(List.copyOf(filters), dimensions);
    }

    private static List<String> values(JsonNode schema) {
        List<String> values = new ArrayList<>();
        schema.path("enum").forEach(v -> values.add(v.asString()));
        return List.copyOf(values);
    }
}
