package org.footdrop.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a Spring Boot readiness endpoint until it answers 200, the process dies, or time runs out. */
public final class ReadinessProbe {

    public enum Outcome {
        READY,
        TIMED_OUT,
        EXITED
    }

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public Outcome await(URI readinessUrl, Duration timeout, BooleanSupplier processAlive) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int deadChecks = 0;
        while (System.nanoTime() < deadline) {
            if (isReady(readinessUrl)) {
                return Outcome.READY;
            }
            // Twice in a row: a crash is seen a moment before the launcher marks a restart as pending.
            deadChecks = processAlive.getAsBoolean() ? 0 : deadChecks + 1;
            if (deadChecks >= 2) {
                return Outcome.EXITED;
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        return Outcome.TIMED_OUT;
    }

    public boolean isReady(URI readinessUrl) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(readinessUrl)
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYetListening) {
            return false;
        }
    }
}
