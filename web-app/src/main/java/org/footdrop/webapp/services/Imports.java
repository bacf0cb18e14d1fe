package org.footdrop.webapp.services;

import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The admins' import reads both owning services answer alike (ADR 0011: imports split at the owning
 * services): every caller's latest jobs, and a job's refused lines.
 */
final class Imports {

    /** The admin page shows the latest jobs; older ones stay in the services' stores. */
    static final int SHOWN = 50;

    private Imports() {}

    static JsonNode list(RestClient client) {
        return client.get()
                .uri(uri -> uri.path("/api/v1/admin/imports")
                        .queryParam("limit", SHOWN)
                        .build())
                .retrieve()
                .body(JsonNode.class);
    }

    /** A job's refused lines, NDJSON as the service answers them. */
    static String refusals(RestClient client, String jobId) {
        String body = client.get()
                .uri("/api/v1/admin/imports/{jobId}/refusals", jobId)
                .retrieve()
                .body(String.class);
        return body == null ? "" : body;
    }
}
