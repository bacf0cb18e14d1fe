package org.footdrop.webapp.services;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * treatment-service (docs/api/treatment-service.json): a patient's injection list, for what outcomes-service
 * does not carry, and for admins the bulk import jobs it ran.
 */
public class TreatmentApi {

    private final RestClient client;
    private final RestClient health;
    private final RestClient download;

    /**
     * {@code health} asks the public health endpoint without the person's token, and gives up sooner;
     * {@code download} relays the token like {@code client}, its read timeout per read, not per exchange.
     */
    TreatmentApi(RestClient client, RestClient health, RestClient download) {
        this.client = client;
        this.health = health;
        this.download = download;
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

    /** The import jobs this service ran, newest first (admins). */
    public JsonNode imports() {
        return Imports.list(client);
    }

    /** The first {@code max} of a job's refused lines (admins). */
    public RefusedLines importRefusals(String jobId, int max) {
        return Imports.refusals(client, jobId, max);
    }

    /** Copies all of a job's refused lines to what {@code out} opens once the service has answered (admins). */
    public long copyImportRefusals(String jobId, Supplier<OutputStream> out) {
        return Imports.copyRefusals(download, jobId, out);
    }

    public ServiceHealth health() {
        return ServiceHealth.of("treatment-service", health);
    }
}
