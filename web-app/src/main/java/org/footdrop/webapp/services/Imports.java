package org.footdrop.webapp.services;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The admins' import reads both owning services answer alike (ADR 0011: imports split at the owning
 * services): every caller's latest jobs, and a job's refused lines.
 */
final class Imports {

    /** The admin page shows the latest jobs; older ones stay in the services' stores. */
    static final int SHOWN = 50;

    private static final String REFUSALS = "/api/v1/admin/imports/{jobId}/refusals";

    private Imports() {}

    static JsonNode list(RestClient client) {
        return client.get()
                .uri(uri -> uri.path("/api/v1/admin/imports")
                        .queryParam("limit", SHOWN)
                        .build())
                .retrieve()
                .body(JsonNode.class);
    }

    /**
     * The first {@code max} of a job's refused lines, read from the service's stream and the rest left
     * unread: a file refused whole has as many refusals as lines, which this server's heap cannot hold.
     */
    static RefusedLines refusals(RestClient client, String jobId, int max) {
        return client.get().uri(REFUSALS, jobId).exchange((request, response) -> {
            requireSuccess(request, response);
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(response.getBody(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    if (lines.size() == max) {
                        return new RefusedLines(lines, true);
                    }
                    lines.add(line);
                }
            }
            return new RefusedLines(lines, false);
        });
    }

    /**
     * Copies all of a job's refused lines, as the service streams them, to what {@code out} opens once the
     * service has answered 200 (so a refusal is answered as one, before anything is written). On the
     * request's thread, where the person's token is at hand; the client's read timeout is per read, so a
     * long download is not cut off. The service's stream is closed, not read to its end, if the copy stops.
     */
    static long copyRefusals(RestClient client, String jobId, Supplier<OutputStream> out) {
        return client.get().uri(REFUSALS, jobId).exchange((request, response) -> {
            requireSuccess(request, response);
            try (InputStream body = response.getBody()) {
                return body.transferTo(out.get());
            }
        });
    }

    /** As {@code retrieve()} answers a refusal: the service's status and body in the exception. */
    private static void requireSuccess(HttpRequest request, ClientHttpResponse response) throws IOException {
        if (response.getStatusCode().isError()) {
            byte[] body = response.getBody().readAllBytes();
            String status = response.getStatusText();
            throw response.getStatusCode().is4xxClientError()
                    ? HttpClientErrorException.create(
                            response.getStatusCode(), status, response.getHeaders(), body, StandardCharsets.UTF_8)
                    : HttpServerErrorException.create(
                            response.getStatusCode(), status, response.getHeaders(), body, StandardCharsets.UTF_8);
        }
    }
}
