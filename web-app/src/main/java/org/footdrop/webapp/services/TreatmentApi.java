package org.footdrop.webapp.services;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** treatment-service's patient lists (docs/api/treatment-service.json), for what outcomes-service does not carry. */
public class TreatmentApi {

    private final RestClient client;

    TreatmentApi(RestClient client) {
        this.client = client;
    }

    /** How each of the patient's injections was given (target, guidance, volume), by injectionId. */
    public Map<String, String> injectionDetails(String patientId) {
        JsonNode list = client.get()
                .uri("/api/v1/patients/{patientId}/injections", patientId)
                .retrieve()
                .body(JsonNode.class);
        Map<String, String> details = new LinkedHashMap<>();
        if (list == null) {
            return details;
        }
        for (JsonNode injection : list) {
            StringBuilder text = new StringBuilder(injection.path("target").asString(""));
            if (injection.hasNonNull("targetLevel")) {
                text.append(' ').append(injection.path("targetLevel").asString());
            }
            text.append(", ").append(injection.path("guidance").asString(""));
            if (injection.hasNonNull("volumeMl")) {
                text.append(", ").append(injection.path("volumeMl").asString()).append(" ml");
            }
            details.put(injection.path("injectionId").asString(), text.toString());
        }
        return details;
    }
}
