package org.footdrop.webapp.services;

import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** intake-service (docs/api/intake-service.json): for admins, the bulk import jobs it ran. */
public class IntakeApi {

    private final RestClient client;
    private final RestClient health;

    /** {@code health} asks the public health endpoint without the person's token, and gives up sooner. */
    IntakeApi(RestClient client, RestClient health) {
        this.client = client;
        this.health = health;
    }

    /** The import jobs this service ran, newest first (admins). */
    public JsonNode imports() {
        return Imports.list(client);
    }

    /** The first {@code max} of a job's refused lines (admins). */
    public RefusedLines importRefusals(String jobId, int max) {
        return Imports.refusals(client, jobId, max);
    }

    /** All of a job's refused lines, streamed: the caller copies the body on and closes it (admins). */
    public ClientHttpResponse openImportRefusals(String jobId) {
        return Imports.openRefusals(client, jobId);
    }

    public ServiceHealth health() {
        return ServiceHealth.of("intake-service", health);
    }
}
