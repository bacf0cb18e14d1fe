package org.footdrop.webapp.services;

import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's health as its public {@code /actuator/health} answers it, asked by this server (the browser
 * never reaches the services).
 *
 * @param status UP, DOWN, OUT_OF_SERVICE, or UNREACHABLE when no answer came
 */
public record ServiceHealth(String service, String status) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public boolean up() {
        return "UP".equals(status);
    }

    static ServiceHealth of(String service, RestClient client) {
        try {
            JsonNode answer = client.get().uri("/actuator/health").retrieve().body(JsonNode.class);
            return new ServiceHealth(
                    service, answer == null ? "UNKNOWN" : answer.path("status").asString("UNKNOWN"));
        } catch (RestClientResponseException e) {
            // a 503 carries the same body: DOWN or OUT_OF_SERVICE
            JsonNode body = e.getResponseBodyAs(JsonNode.class);
            return new ServiceHealth(
                    service, body == null ? "DOWN" : body.path("status").asString("DOWN"));
        } catch (RestClientException e) {
            return new ServiceHealth(service, "UNREACHABLE");
        }
    }
}
