package org.footdrop.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Following a job through a restart of its service, as the command-line client does. */
class ImportClientTest {

    private final AtomicInteger calls = new AtomicInteger();
    private volatile HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void shouldFollowAJobOnWhileItsServiceIsAwayAndFinishOnceItIsBack() throws Exception {
        // the service restarts: gone (connection refused), then not ready (503), then the resumed job
        int port = freePort();
        URI location = URI.create("http://localhost:" + port + "/api/v1/imports/job-1");
        List<String> away = new ArrayList<>();
        Thread restart = new Thread(() -> {
            try {
                Thread.sleep(600);
                server = serve(port, 2);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        restart.start();

        ImportClient.Job done = new ImportClient(URI.create("http://localhost:" + port), () -> "token")
                .await(location, Duration.ofMillis(100), job -> {}, e -> away.add(e.getMessage()));
        restart.join();

        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(away).anyMatch(message -> message.contains("could not be reached"));
        assertThat(away).anyMatch(message -> message.contains("answered 503"));
    }

    @Test
    void shouldFollowAJobOnWhileNoTokenCanBeFetched() throws Exception {
        server = serve(0, 0);
        int port = server.getAddress().getPort();
        AtomicInteger fetches = new AtomicInteger();
        List<String> away = new ArrayList<>();

        ImportClient.Job done = new ImportClient(URI.create("http://localhost:" + port), () -> {
                    if (fetches.incrementAndGet() <= 2) {
                        throw new IllegalStateException("the authorization server answered 503");
                    }
                    return "token";
                })
                .await(
                        URI.create("http://localhost:" + port + "/api/v1/imports/job-1"),
                        Duration.ofMillis(50),
                        job -> {},
                        e -> away.add(e.getMessage()));

        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(away).hasSize(2).allMatch(message -> message.contains("token could not be fetched"));
    }

    @Test
    void shouldGiveUpOnceTheServiceHasBeenAwayLongerThanItsLimit() throws Exception {
        int port = freePort();
        ImportClient client =
                new ImportClient(URI.create("http://localhost:" + port), () -> "token", Duration.ofMillis(500));

        assertThatThrownBy(() -> client.await(
                        URI.create("http://localhost:" + port + "/api/v1/imports/job-1"),
                        Duration.ofMillis(100),
                        job -> {}))
                .isInstanceOf(ImportClient.ServiceAway.class);
    }

    @Test
    void shouldNotRetryAJobTheServiceDoesNotKnow() throws Exception {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        int port = server.getAddress().getPort();

        assertThatThrownBy(() -> new ImportClient(URI.create("http://localhost:" + port), () -> "token")
                        .await(
                                URI.create("http://localhost:" + port + "/api/v1/imports/job-1"),
                                Duration.ofMillis(100),
                                job -> {}))
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(ImportClient.ServiceAway.class);
        assertThat(calls).hasValue(1);
    }

    /** A service that answers 503 so many times, then the job, finished. */
    private HttpServer serve(int port, int unavailable) throws IOException {
        HttpServer started = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        started.createContext("/api/v1/imports/job-1", exchange -> {
            if (calls.incrementAndGet() <= unavailable) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                byte[] body = "{\"jobId\":\"job-1\",\"status\":\"COMPLETED\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        started.start();
        return started;
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
