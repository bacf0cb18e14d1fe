package org.footdrop.intake.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document shows a realistic example for every request body, and each one is accepted. */
@EmbeddedInfrastructure
class OpenApiExamplesTest {

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void shouldCarryAnAcceptedExampleForEveryRequestBody() {
        // given
        JsonNode paths = http.get("/v3/api-docs").getBody().get("paths");
        List<String> withBody = new ArrayList<>();

        // when every create example is posted, then amended and voided with the examples
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode body = operation.getValue().path("requestBody");
                if (body.isMissingNode()) {
                    continue;
                }
                withBody.add(operation.getKey().toUpperCase() + " " + path.getKey());
                JsonNode example = body.get("content").get("application/json").get("examples").get("realistic");
                assertThat(example).as("example of %s %s", operation.getKey(), path.getKey()).isNotNull();
            }
        }

        // then
        assertThat(withBody).contains("POST /api/v1/diagnoses", "PUT /api/v1/diagnoses/{diagnosisId}",
                "DELETE /api/v1/diagnoses/{diagnosisId}", "POST /api/v1/assessments",
                "PUT /api/v1/assessments/{assessmentId}", "DELETE /api/v1/assessments/{assessmentId}");
        for (String records : List.of("diagnoses", "assessments")) {
            JsonNode create = example(paths, "/api/v1/" + records, "post");
            ResponseEntity<JsonNode> created = http.send("POST", "/api/v1/" + records, create.toString());
            assertThat(created.getStatusCode().value()).as(created.toString()).isEqualTo(201);
            String location = created.getHeaders().getLocation().toString();
            String item = paths.propertyNames().stream()
                    .filter(p -> p.startsWith("/api/v1/" + records + "/{")).findFirst().orElseThrow();
            ResponseEntity<JsonNode> amended = http.send("PUT", location, example(paths, item, "put").toString(),
                    "If-Match", "1");
            assertThat(amended.getStatusCode().value()).as(amended.toString()).isEqualTo(200);
            ResponseEntity<JsonNode> voided = http.send("DELETE", location,
                    example(paths, item, "delete").toString());
            assertThat(voided.getStatusCode().value()).as(voided.toString()).isEqualTo(200);
        }
    }

    @Test
    void shouldServeSwaggerUi() {
        var response = http.client().get().uri("/swagger-ui/index.html").retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("swagger-ui");
    }

    private static JsonNode example(JsonNode paths, String path, String method) {
        return paths.get(path).get(method).get("requestBody").get("content").get("application/json")
                .get("examples").get("realistic").get("value");
    }
}
