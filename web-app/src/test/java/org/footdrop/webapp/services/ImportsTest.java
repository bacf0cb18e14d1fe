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
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * A job's refused lines read from a service that streams them over real HTTP: the page reads the first
 * ones and leaves the rest unread, the download relays them all, and a refusal keeps its status.
 */
class ImportsTest {

    private static final String JOB = "0b0f8a6e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
    private static final String SLOW_JOB = "2b0f8a6e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

    private HttpServer service;
    private RestClient client;
    private volatile long refusedLines;
    private final AtomicLong written = new AtomicLong();

    @BeforeEach
    void start() throws IOException {
        service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.createContext("/api/v1/admin/imports/" + JOB + "/refusals", this::refusals);
        service.createContext("/api/v1/admin/imports/" + SLOW_JOB + "/refusals", this::slowRefusals);
        service.createContext("/api/v1/admin/imports/", exchange -> {
            byte[] problem = "{\"title\":\"Not found\",\"status\":404}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(404, problem.length);
            exchange.getResponseBody().write(problem);
            exchange.close();
        });
        service.start();
        // the service clients' own kind for downloads: HttpURLConnection, its read timeout per read
        client = RestClient.builder()
                .baseUrl("http://localhost:" + service.getAddress().getPort())
                .requestFactory(ClientHttpRequestFactoryBuilder.simple()
                        .build(HttpClientSettings.defaults().withTimeouts(Duration.ofSeconds(2), READ_TIMEOUT)))
                .build();
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

    /** A few refusals, one every 400 ms: the whole answer takes longer than the client's read timeout. */
    private void slowRefusals(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 1; i <= 8; i++) {
                out.write(("{\"line\":" + i + "}\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(400);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
    void shouldNotCutOffADownloadThatOutlastsTheReadTimeoutWhileDataKeepsComing() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();

        Imports.copyRefusals(client, SLOW_JOB, () -> file);

        assertThat(file.toString(StandardCharsets.UTF_8).lines()).hasSize(8);
    }

    @Test
    void shouldStopReadingTheServiceWhenTheDownloadStops() {
        // given a job refused at length, and a browser that goes away after the first bytes
        refusedLines = 1_000_000;
        OutputStream goneAway = new OutputStream() {
            private int bytes;

            @Override
            public void write(int b) throws IOException {
                if (++bytes > 4_096) {
                    throw new IOException("Broken pipe");
                }
            }
        };

        // when the copy fails, then the service's stream is closed, not read to its end first
        assertThatThrownBy(() -> Imports.copyRefusals(client, JOB, () -> goneAway))
                .isInstanceOf(RuntimeException.class);
        assertThat(written.get()).as("lines the service wrote").isLessThan(1_000_000);
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
