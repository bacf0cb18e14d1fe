package org.footdrop.support.testing;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** A real HTTP client for tests that hands back every status instead of throwing. */
public final class Http {

    private final RestClient client;

    public Http(int port) {
        client = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    public RestClient client() {
        return client;
    }

    public ResponseEntity<JsonNode> get(String path, Object... variables) {
        return client.get().uri(path, variables).retrieve().toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> send(String method, String path, String body, String... headers) {
        return client.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    for (int i = 0; i + 1 < headers.length; i += 2) {
                        if (headers[i + 1] != null) {
                            h.set(headers[i], headers[i + 1]);
                        }
                    }
                })
                .body(body == null ? "" : body)
                .retrieve().toEntity(JsonNode.class);
    }
}
