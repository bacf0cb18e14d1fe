package org.footdrop.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.footdrop.contract.EventJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The first end-to-end slice as it runs for real: intake-service and outcomes-service as their own
 * JVMs (the jars the build just packaged) against the launcher's KRaft broker and on-disk
 * MongoDB-wire store, over real HTTP. Includes a real broker outage: the broker is stopped, a
 * POST still gets 201 (the outbox holds the event), and once the broker is started again on the
 * same port and data the event is projected.
 */
class SystemSliceTest {

    @TempDir
    static Path data;

    static InfraPorts ports;
    static MongoStore mongo;
    static KafkaBroker kafka;
    static final List<Process> services = new ArrayList<>();
    static int intakePort;
    static int outcomesPort;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startSystem() throws Exception {
        Path repo = repoRoot();
        ServiceSpec intake = ServiceSpec.all().get(0);
        ServiceSpec outcomes = ServiceSpec.all().get(2);
        assumeTrue(Files.exists(intake.jar(repo)) && Files.exists(outcomes.jar(repo)),
                "service jars not built yet: run ./mvnw -B verify from the root (it packages them first)");
        ports = new InfraPorts(freePort(), freePort(), freePort());
        mongo = MongoStore.start(data.resolve("mongo"), ports.mongo());
        kafka = KafkaBroker.start(data.resolve("kafka"), ports);
        kafka.ensureTopics(TopicSpec.standard());
        intakePort = freePort();
        outcomesPort = freePort();
        services.add(start(intake, repo, intakePort));
        services.add(start(outcomes, repo, outcomesPort));
        for (int port : List.of(intakePort, outcomesPort)) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> status(get(port, "/actuator/health/readiness")) == 200);
        }
    }

    @AfterAll
    static void stopSystem() throws Exception {
        for (Process service : services) {
            service.destroy();
            service.waitFor();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    @Test
    void shouldShowAPostedDiagnosisInTheOutcomesApi() throws Exception {
        // given
        String patientId = "pt-" + UUID.randomUUID();

        // when
        HttpResponse<String> created = postDiagnosis(patientId);

        // then
        assertThat(created.statusCode()).isEqualTo(201);
        String diagnosisId = json(created).get("diagnosisId").asString();
        JsonNode outcomes = awaitOutcomes(patientId);
        assertThat(outcomes.get("currentDiagnosis").get("diagnosisId").asString()).isEqualTo(diagnosisId);
        assertThat(outcomes.get("appliedEvents").asInt()).isEqualTo(1);
    }

    @Test
    void shouldAcceptWritesWhileTheBrokerIsDownAndProjectThemOnceItIsBack() throws Exception {
        // given the broker is stopped
        kafka.close();
        String patientId = "pt-outage-" + UUID.randomUUID();
        try {
            // when a diagnosis is posted
            HttpResponse<String> created = postDiagnosis(patientId);

            // then it is accepted durably, though nothing can be published yet
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(status(get(outcomesPort, "/api/v1/patients/" + patientId + "/outcomes"))).isEqualTo(404);
        } finally {
            // and once the broker is back on the same port and data
            kafka = KafkaBroker.start(data.resolve("kafka"), ports);
        }

        // the event is published by the sweep and projected, exactly once
        JsonNode outcomes = awaitOutcomes(patientId);
        assertThat(outcomes.get("appliedEvents").asInt()).isEqualTo(1);
        assertThat(outcomes.get("diagnosisPending").asBoolean()).isFalse();
    }

    private static Process start(ServiceSpec spec, Path repo, int port) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ServiceProcess.JVM_FLAGS);
        command.add("-jar");
        command.add(spec.jar(repo).toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(data.resolve(spec.name() + ".log").toFile());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", ports.kafkaBootstrap());
        builder.environment().put("MONGODB_URI", ports.mongoUri() + "/" + spec.database());
        // a quick sweep, so the outage test need not wait the production grace period
        builder.environment().put("FOOTDROP_OUTBOX_SWEEP_INTERVAL", "1s");
        builder.environment().put("FOOTDROP_OUTBOX_SWEEP_GRACE", "2s");
        return builder.start();
    }

    private static HttpResponse<String> postDiagnosis(String patientId) throws Exception {
        String body = """
                {"patientId":"%s","side":"LEFT","diagnosisDate":"2026-03-02","causeCategory":"SCIATIC_NERVE"}
                """.formatted(patientId);
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + intakePort + "/api/v1/diagnoses"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode awaitOutcomes(String patientId) {
        HttpResponse<String> response = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> get(outcomesPort, "/api/v1/patients/" + patientId + "/outcomes"),
                        r -> r != null && r.statusCode() == 200);
        return json(response);
    }

    private static HttpResponse<String> get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int status(HttpResponse<String> response) {
        return response == null ? -1 : response.statusCode();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return EventJson.mapper().readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
