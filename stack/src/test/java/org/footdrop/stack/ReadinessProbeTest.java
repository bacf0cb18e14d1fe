package org.footdrop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadinessProbeTest {

    private final AtomicInteger calls = new AtomicInteger();
    private HttpServer server;
    private URI readiness;

    @BeforeEach
    void startFakeService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        // Out of service for the first two probes, as a service is while it connects to its store.
        server.createContext("/actuator/health/readiness", exchange -> {
            int status = calls.incrementAndGet() <= 2 ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        readiness = URI.create("http://localhost:" + server.getAddress().getPort() + "/actuator/health/readiness");
    }

    @AfterEach
    void stopFakeService() {
        server.stop(0);
    }

    @Test
    void shouldReportReadyOnceTheServiceAnswers200() throws InterruptedException {
        ReadinessProbe.Outcome outcome = new ReadinessProbe().await(readiness, Duration.ofSeconds(10), () -> true);

        assertThat(outcome).isEqualTo(ReadinessProbe.Outcome.READY);
        assertThat(calls).hasValue(3);
    }

    @Test
    void shouldReportExitedWhenTheProcessDiesBeforeItIsReady() throws InterruptedException {
        ReadinessProbe.Outcome outcome = new ReadinessProbe().await(readiness, Duration.ofSeconds(10), () -> false);

        assertThat(outcome).isEqualTo(ReadinessProbe.Outcome.EXITED);
    }

    @Test
    void shouldTimeOutWhenNothingListens() throws InterruptedException {
        server.stop(0);

        ReadinessProbe.Outcome outcome = new ReadinessProbe().await(readiness, Duration.ofSeconds(1), () -> true);

        assertThat(outcome).isEqualTo(ReadinessProbe.Outcome.TIMED_OUT);
    }
}
