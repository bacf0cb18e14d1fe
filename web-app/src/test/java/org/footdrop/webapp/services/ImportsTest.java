package org.footdrop.webapp.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * A job's refused lines read from a service that streams them over real HTTP: the page reads the first
 * ones and leaves the rest unread, the download relays them all, and a refusal keeps its status.
 */
class ImportsTest {

    private static final String JOB = "0b0f8a6e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

    private HttpServer service;
    private RestClient client;
    private volatile long refusedLines;
    private final AtomicLong written = new AtomicLong();

    @BeforeEach
    void start() throws IOException {
        service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.createContext("/api/v1/admin/imports/" + JOB + "/refusals", this::refusals);
        service.createContext("/api/v1/admin/imports/", exchange -> {
            byte[] problem = "{\"title\":\"Not found\",\"status\":404}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(404, problem.length);
            exchange.getResponseBody().write(problem);
            exchange.close();
        });
        service.start();
        client = RestClient.create("http://localhost:" + service.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        service.stop(0);
    }

    /** Streams the refusals, chunked, as the service does: one NDJSON line each. */
    private void refusals(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (long i = 1; i <= refusedLines; i++) {
                out.write(("{\"line\":" + i + ",\"kind\":\"assessment\",\"key\":\"as-" + i + "\"}\n")
                        .getBytes(StandardCharsets.UTF_8));
                written.incrementAndGet();
            }
        } catch (IOException clientWentAway) {
            // the page read what it shows and closed the connection
        }
        exchange.close();
    }

    @Test
    void shouldReadOnlyTheFirstRefusalsOfAJobRefusedAtLength() {
        refusedLines = 1_000_000;

        RefusedLines first = Imports.refusals(client, JOB, 1_000);

        assertThat(first.lines()).hasSize(1_000);
        assertThat(first.lines().get(999)).contains("\"key\":\"as-1000\"");
        assertThat(first.more()).isTrue();
        assertThat(written.get())
                .as("lines the service wrote before the page stopped reading")
                .isLessThan(1_000_000);
    }

    @Test
    void shouldSayThereAreNoMoreWhenTheJobRefusedExactlyWhatIsShown() {
        refusedLines = 1_000;

        RefusedLines all = Imports.refusals(client, JOB, 1_000);

        assertThat(all.lines()).hasSize(1_000);
        assertThat(all.more()).isFalse();
    }

    @Test
    void shouldCopyEveryRefusedLineToTheDownload() {
        refusedLines = 5_000;
        ByteArrayOutputStream file = new ByteArrayOutputStream();

        long copied = Imports.copyRefusals(client, JOB, () -> file);

        String body = file.toString(StandardCharsets.UTF_8);
        assertThat(body.lines()).hasSize(5_000).last().asString().contains("\"key\":\"as-5000\"");
        assertThat(copied).isEqualTo(file.size());
    }

    @Test
    void shouldKeepTheServicesRefusalWithItsStatusAndWriteNothing() {
        String unknown = "9b0f8a6e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
        AtomicBoolean opened = new AtomicBoolean();

        assertThatThrownBy(() -> Imports.refusals(client, unknown, 10))
                .isInstanceOfSatisfying(
                        HttpClientErrorException.NotFound.class,
                        e -> assertThat(e.getResponseBodyAsString()).contains("Not found"));
        assertThatThrownBy(() -> Imports.copyRefusals(client, unknown, () -> {
                    opened.set(true);
                    return new ByteArrayOutputStream();
                }))
                .isInstanceOf(HttpClientErrorException.NotFound.class);
        assertThat(opened)
                .as("the download's headers and body, set only on a 200")
                .isFalse();
    }
}
