package org.footdrop.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Every request body in a service's OpenAPI document has a realistic example, and the examples are
 * real requests: each collection's create, amend and void examples are sent in turn and accepted.
 */
public abstract class OpenApiExamplesContract {

    @LocalServerPort
    int port;

    protected Http http;
    protected JsonNode paths;

    @BeforeEach
    void readDocument() {
        http = new Http(port);
        paths = http.get("/v3/api-docs").getBody().get("paths");
    }

    @Test
    void shouldCarryAnExampleForEveryRequestBody() {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode body = operation.getValue().path("requestBody");
                // JSON bodies, and files of another type (a bulk import's NDJSON) under their own
                String mediaType = body.path("content").propertyNames().stream()
                        .findFirst()
                        .orElse("application/json");
                if (!body.isMissingNode()
                        && body.path("content")
                                .path(mediaType)
                                .path("examples")
                                .path("realistic")
                                .isMissingNode()) {
                    missing.add(operation.getKey() + " " + path.getKey());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void shouldAcceptTheExamplesOfEveryTopLevelCollection() {
        // collections of records: created by POST, corrected by PUT on an item (not the imports)
        List<String> collections = paths.propertyNames().stream()
                .filter(p -> p.matches("/api/v1/[a-z-]+") && paths.get(p).has("post"))
                .filter(p -> paths.propertyNames().stream()
                        .anyMatch(item -> item.matches(p + "/\\{[A-Za-z]+\\}")
                                && paths.get(item).has("put")))
                .toList();
        assertThat(collections).isNotEmpty();
        for (String collection : collections) {
            String location = create(collection);
            String item = paths.propertyNames().stream()
                    .filter(p -> p.matches(collection + "/\\{[A-Za-z]+\\}"))
                    .findFirst()
                    .orElseThrow();
            ResponseEntity<JsonNode> amended =
                    http.send("PUT", location, example(item, "put").toString(), "If-Match", "1");
            assertThat(amended.getStatusCode().value()).as(amended.toString()).isEqualTo(200);
            ResponseEntity<JsonNode> voided =
                    http.send("DELETE", location, example(item, "delete").toString());
            assertThat(voided.getStatusCode().value()).as(voided.toString()).isEqualTo(200);
        }
    }

    @Test
    void shouldServeSwaggerUi() {
        var response =
                http.client().get().uri("/swagger-ui/index.html").retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("swagger-ui");
    }

    /** Posts the collection's create example; returns the new record's location. */
    protected String create(String collection) {
        ResponseEntity<JsonNode> created =
                http.send("POST", collection, example(collection, "post").toString());
        assertThat(created.getStatusCode().value()).as(created.toString()).isEqualTo(201);
        return created.getHeaders().getLocation().toString();
    }

    protected JsonNode example(String path, String method) {
        return paths.get(path)
                .get(method)
                .get("requestBody")
                .get("content")
                .get("application/json")
                .get("examples")
                .get("realistic")
                .get("value");
    }
}
