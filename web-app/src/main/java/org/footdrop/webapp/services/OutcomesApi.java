package org.footdrop.webapp.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** outcomes-service's reads a clinician's page needs (docs/api/outcomes-service.json). */
public class OutcomesApi {

    private final RestClient client;

    OutcomesApi(RestClient client) {
        this.client = client;
    }

    /** The patient's outcomes as the API answers them; empty when the service knows no such patient. */
    public Optional<JsonNode> patient(String patientId) {
        try {
            return Optional.ofNullable(client.get()
                    .uri("/api/v1/patients/{patientId}/outcomes", patientId)
                    .retrieve()
                    .body(JsonNode.class));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The data-quality checks this patient fails, with their meaning (the list filtered to them). */
    public List<Finding> findings(String patientId) {
        JsonNode answer = client.get()
                .uri(uri -> uri.path("/api/v1/data-quality")
                        .queryParam("patientId", patientId)
                        .build())
                .retrieve()
                .body(JsonNode.class);
        List<Finding> found = new ArrayList<>();
        if (answer == null) {
            return found;
        }
        for (JsonNode check : answer.path("checks")) {
            for (JsonNode id : check.path("patientIds")) {
                if (id.asString().equals(patientId)) {
                    found.add(new Finding(
                            check.path("check").asString(),
                            check.path("meaning").asString()));
                }
            }
        }
        return found;
    }

    public record Finding(String check, String meaning) {}
}
