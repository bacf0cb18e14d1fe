package org.footdrop.webapp.services;

import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** intake-service (docs/api/intake-service.json): for admins, the bulk import jobs it ran. */
public class IntakeApi {

    private final RestClient client;

    IntakeApi(RestClient client) {
        this.client = client;
    }

    /** The import jobs this service ran, newest first (admins). */
    public JsonNode imports() {
        return Imports.list(client);
    }

    /** A job's refused lines as NDJSON (admins). */
    public String importRefusals(String jobId) {
        return Imports.refusals(client, jobId);
    }

    public ServiceHealth health() {
        return ServiceHealth.of("intake-service", client);
    }
}
