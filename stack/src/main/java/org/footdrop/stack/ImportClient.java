package org.footdrop.stack;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.footdrop.contract.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * A bulk import as a client runs it against one service: upload the file (streamed, its bytes
 * counted as they go), then follow the job and fetch its refused lines. The command-line client,
 * the demo clinic and the tests all import through this.
 */
public final class ImportClient {

    public static final String NDJSON = "application/x-ndjson";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI service;
    private final Supplier<String> token;
    private final Duration awayLimit;

    /** How long a service may stay away in a row while a job is followed: a restart, say. */
    public static final Duration AWAY = Duration.ofMinutes(5);

    /**
     * @param service the service's base address, e.g. {@code http://localhost:8081}
     * @param token a clinical-writer's bearer token, fetched again whenever it is needed
     */
    public ImportClient(URI service, Supplier<String> token) {
        this(service, token, AWAY);
    }

    /** With how long the service may stay away in a row while a job is followed. */
    ImportClient(URI service, Supplier<String> token, Duration away) {
        this.service = service;
        this.token = token;
        this.awayLimit = away;
    }

    /** A job as the service shows it, and where to follow it. */
    public record Job(URI location, JsonNode state) {

        public String status() {
            return state.get("status").asString();
        }

        public boolean finished() {
            return !status().matches("RECEIVING|QUEUED|RUNNING");
        }

        /** Why a job stopped without finishing, or null. */
        public String failure() {
            JsonNode failure = state.get("failure");
            return failure == null || failure.isNull() ? null : failure.asString();
        }

        public long number(String field) {
            JsonNode value = state.get(field);
            return value == null || value.isNull() ? 0 : value.asLong();
        }
    }

    /**
     * Uploads the file and answers the queued job.
     *
     * @param sent told how many bytes have gone so far
     * @throws IllegalStateException when the service refuses the file (with its problem)
     */
    public Job start(Path file, String system, LongConsumer sent) {
        HttpRequest request = HttpRequest.newBuilder(service.resolve("/api/v1/imports?system=" + system))
                .header("Authorization", "Bearer " + token.get())
                .header("Content-Type", NDJSON)
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> counted(file, sent)), size(file)))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 202) {
            throw new IllegalStateException(
                    service + " refused the file: " + response.statusCode() + " " + response.body());
        }
        URI location = service.resolve(response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("202 without a Location")));
        return new Job(location, EventJson.mapper().readTree(response.body()));
    }

    /**
     * The job as the service shows it now.
     *
     * @throws ServiceAway when the service (or the token's issuer) cannot be reached or answers 5xx
     */
    public Job follow(URI location) {
        String bearer;
        try {
            bearer = token.get();
        } catch (RuntimeException e) {
            // the token's issuer restarting with the stack, say; a wrong secret fails the upload before this
            throw new ServiceAway("a token could not be fetched: " + e.getMessage());
        }
        HttpResponse<String> response;
        try {
            response = send(HttpRequest.newBuilder(location)
                    .header("Authorization", "Bearer " + bearer)
                    .GET()
                    .build());
        } catch (UncheckedIOException e) {
            throw new ServiceAway(
                    location + " could not be reached: " + e.getCause().getMessage());
        }
        if (response.statusCode() >= 500) {
            throw new ServiceAway(location + " answered " + response.statusCode());
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(location + " answered " + response.statusCode() + " " + response.body());
        }
        return new Job(location, EventJson.mapper().readTree(response.body()));
    }

    /** The service is away for now (restarting, say); its job is resumed when it is back. */
    public static final class ServiceAway extends IllegalStateException {
        ServiceAway(String message) {
            super(message);
        }
    }

    /** Follows the job until it has finished, telling {@code progress} each time it looks. */
    public Job await(URI location, Duration poll, Consumer<Job> progress) {
        return await(location, poll, progress, away -> {});
    }

    /**
     * Follows the job until it has finished, telling {@code progress} each time it looks, and
     * {@code away} each time the service cannot be reached: a restarted service resumes the job, so
     * it is followed on until the service has been away for {@link #AWAY} in a row.
     */
    public Job await(URI location, Duration poll, Consumer<Job> progress, Consumer<ServiceAway> away) {
        Instant awaySince = null;
        while (true) {
            try {
                Job job = follow(location);
                awaySince = null;
                progress.accept(job);
                if (job.finished()) {
                    return job;
                }
            } catch (ServiceAway e) {
                Instant now = Instant.now();
                awaySince = awaySince == null ? now : awaySince;
                if (Duration.between(awaySince, now).compareTo(awayLimit) >= 0) {
                    throw e;
                }
                away.accept(e);
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while following " + location, e);
            }
        }
    }

    /** The refused lines, NDJSON as the service keeps them. */
    public String refusals(URI location) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(location + "/refusals"))
                .header("Authorization", "Bearer " + token.get())
                .GET()
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(location + "/refusals answered " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream counted(Path file, LongConsumer sent) {
        try {
            return new FilterInputStream(Files.newInputStream(file)) {
                private long count;

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        count += n;
                        sent.accept(count);
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
