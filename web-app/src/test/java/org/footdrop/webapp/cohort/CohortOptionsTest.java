package org.footdrop.webapp.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cohort forms' options against outcomes-service's committed OpenAPI document as the repository holds it
 * (the document CommittedOpenApiTest keeps equal to what the service serves).
 */
class CohortOptionsTest {

    private static final JsonNode COMMITTED = JsonMapper.builder()
            .build()
            .readTree(Path.of("../docs/api/outcomes-service.json").toFile());

    @Test
    void shouldOfferEveryParameterOfTheReportEndpointWithTheValuesItDocuments() {
        // given the report endpoint's query parameters in the committed document
        List<String> documented = new ArrayList<>();
        for (JsonNode parameter :
                COMMITTED.path("paths").path(CohortOptions.REPORT).path("get").path("parameters")) {
            documented.add(parameter.path("name").asString());
        }

        // when the web app reads its copy
        CohortOptions options = CohortParameters.OPTIONS;

        // then every documented parameter but the format is a filter or the grouping, none missing, none added
        List<String> offered = new ArrayList<>(
                options.filters().stream().map(CohortParameters.Filter::name).toList());
        offered.add("groupBy");
        offered.add("format");
        assertThat(offered).containsExactlyInAnyOrderElementsOf(documented);
        // and each filter offers exactly the documented values (or is a date), under a label people read
        for (CohortParameters.Filter filter : options.filters()) {
            JsonNode schema = parameter(CohortOptions.REPORT, filter.name()).path("schema");
            if (filter.date()) {
                assertThat(schema.path("format").asString()).isEqualTo("date");
                assertThat(filter.options()).isEmpty();
            } else {
                assertThat(filter.options()).isNotEmpty().containsExactlyElementsOf(strings(schema.path("enum")));
            }
            assertThat(CohortOptions.LABELS).containsKey(filter.name());
        }
        assertThat(options.dimensions())
                .isNotEmpty()
                .containsExactlyElementsOf(strings(parameter(CohortOptions.REPORT, "groupBy")
                        .path("schema")
                        .path("items")
                        .path("enum")));
    }

    @Test
    void shouldTakeTheSameFiltersAndGroupingForTimeToResponse() {
        // the time-to-response page shares the form: its endpoint must take the same filters and grouping
        assertThat(CohortOptions.of(COMMITTED, "/api/v1/cohorts/time-to-response"))
                .isEqualTo(CohortOptions.of(COMMITTED, CohortOptions.REPORT));
    }

    @Test
    void shouldRefuseADocumentWithoutTheEndpoint() {
        JsonNode empty = JsonMapper.builder().build().readTree("{\"paths\":{}}");

        assertThatThrownBy(() -> CohortOptions.of(empty, CohortOptions.REPORT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(CohortOptions.REPORT);
    }

    private static JsonNode parameter(String path, String name) {
        for (JsonNode parameter : COMMITTED.path("paths").path(path).path("get").path("parameters")) {
            if (parameter.path("name").asString().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " of GET " + path);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
