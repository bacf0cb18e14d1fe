package org.footdrop.webapp.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.JsonNode;

/**
 * outcomes-service as the pages call it (docs/api/outcomes-service.json): a clinician's patient and
 * data-quality lists, an analyst's safety counts and data-quality summary, an admin's dead letters and
 * projection rebuild. Each call carries the signed-in person's token; the service decides what they may see.
 */
public class OutcomesApi {

    /** The admin page lists at most this many dead letters, the newest first as the service orders them. */
    static final int DEAD_LETTERS_SHOWN = 200;

    private final RestClient client;
    private final RestClient health;

    /** {@code health} asks the public health endpoint without the person's token, and gives up sooner. */
    OutcomesApi(RestClient client, RestClient health) {
        this.client = client;
        this.health = health;
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

    /**
     * The cohort report: every measure at every window and every time to response, per group, in one
     * call ({@code GET /api/v1/cohorts/report}).
     *
     * @param parameters the filters and {@code groupBy}, as the API names them
     * @throws org.springframework.web.client.RestClientResponseException when the API refuses the query
     *     (its problem in the body) or cannot answer yet
     */
    public JsonNode cohortReport(Map<String, String> parameters) {
        return client.get()
                .uri(uri -> query(uri.path("/api/v1/cohorts/report"), parameters))
                .retrieve()
                .body(JsonNode.class);
    }

    /** The same report as the API's CSV table (format=csv), with its Content-Type and Content-Disposition. */
    public ResponseEntity<byte[]> cohortReportCsv(Map<String, String> parameters) {
        return client.get()
                .uri(uri -> query(uri.path("/api/v1/cohorts/report").queryParam("format", "csv"), parameters))
                .retrieve()
                .toEntity(byte[].class);
    }

    /** One measure's Kaplan-Meier curve per group, every step with its limits. */
    public JsonNode timeToResponse(String measure, Map<String, String> parameters) {
        return client.get()
                .uri(uri ->
                        query(uri.path("/api/v1/cohorts/time-to-response").queryParam("measure", measure), parameters))
                .retrieve()
                .body(JsonNode.class);
    }

    /** Values go in as URI variables, so each is encoded whole, whatever it holds. */
    private static java.net.URI query(UriBuilder uri, Map<String, String> parameters) {
        parameters.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
        return uri.build(parameters);
    }

    public record Finding(String check, String meaning) {}

    /** One page of every check's patients (clinicians). */
    public JsonNode dataQuality(int page, int size) {
        return client.get()
                .uri(uri -> uri.path("/api/v1/data-quality")
                        .queryParam("page", page)
                        .queryParam("size", size)
                        .build())
                .retrieve()
                .body(JsonNode.class);
    }

    /** How many records each check finds (analysts). */
    public JsonNode dataQualitySummary() {
        return client.get().uri("/api/v1/data-quality/summary").retrieve().body(JsonNode.class);
    }

    /** Adverse events by technique and solution over the whole clinic (analysts). */
    public JsonNode safety() {
        return client.get().uri("/api/v1/cohorts/safety").retrieve().body(JsonNode.class);
    }

    /** The dead letters, without their payloads (admins). */
    public JsonNode deadLetters() {
        return client.get()
                .uri(uri -> uri.path("/api/v1/admin/dead-letters")
                        .queryParam("limit", DEAD_LETTERS_SHOWN)
                        .build())
                .retrieve()
                .body(JsonNode.class);
    }

    /** Publishes a dead letter again to its original topic; a 404 or 409 is answered as the service's problem. */
    public JsonNode redrive(int partition, long offset) {
        return client.post()
                .uri("/api/v1/admin/dead-letters/{partition}/{offset}/redrives", partition, offset)
                .retrieve()
                .body(JsonNode.class);
    }

    /** The running projection rebuild, or the last one (admins). */
    public JsonNode rebuild() {
        return client.get()
                .uri("/api/v1/admin/projection-rebuilds/current")
                .retrieve()
                .body(JsonNode.class);
    }

    /** Starts a projection rebuild; a 409 says one is already running. */
    public JsonNode startRebuild() {
        return client.post().uri("/api/v1/admin/projection-rebuilds").retrieve().body(JsonNode.class);
    }

    public ServiceHealth health() {
        return ServiceHealth.of("outcomes-service", health);
    }
}
