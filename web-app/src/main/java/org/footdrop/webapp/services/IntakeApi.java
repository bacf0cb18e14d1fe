package org.footdrop.webapp.services;

import java.io.OutputStream;
import java.util.function.Supplier;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** intake-service (docs/api/intake-service.json): for admins, the bulk import jobs it ran. */
public class IntakeApi {

    private final RestClient client;
    private final RestClient health;
    private final RestClient download;

    /**
     * {@code health} asks the public health endpoint without the person's token, and gives up sooner;
     * {@code download} relays the token like {@code client}, its read timeout per read, not per exchange.
     */
    IntakeApi(RestClient client, RestClient health, RestClient download) {
        this.client = client;
        this.health = health;
        this.download = download;
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
        return ServiceHealth.of("intake-service", health);
    }
}
