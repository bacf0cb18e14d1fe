package org.footdrop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.footdrop.contract.EventJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The first end-to-end slice as it runs for real: the authorization server and the three services as their own
 * JVMs (the jars the build just packaged) against the launcher's KRaft broker and on-disk
 * MongoDB-wire store, over real HTTP. Includes a real broker outage: the broker is stopped, a
 * POST still gets 201 (the outbox holds the event), and once the broker is started again on the
 * same port and data the event is projected.
 */
@Tag("system")
class SystemSliceTest {

    @TempDir
    static Path data;

    static RunningSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        // the projection's DEBUG line names each event it applied, under the trace id it joined
        system = RunningSystem.start(data, Map.of("LOGGING_LEVEL_ORG_FOOTDROP_OUTCOMES_MESSAGING", "DEBUG"));
    }

    @AfterAll
    static void stopSystem() throws Exception {
        if (system != null) {
            system.close();
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
        assertThat(outcomes.get("currentDiagnosis").get("diagnosisId").asString())
                .isEqualTo(diagnosisId);
        assertThat(outcomes.get("appliedEvents").asInt()).isEqualTo(1);
    }

    @Test
    void shouldProjectInTheTraceOfThePostThatAcceptedTheWrite() throws Exception {
        // given a traced clinical system
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String patientId = "pt-traced-" + UUID.randomUUID();

        // when it posts a diagnosis to intake-service
        HttpResponse<String> created = system.send(
                "POST",
                "intake",
                "/api/v1/diagnoses",
                """
                {"patientId":"%s","side":"LEFT","diagnosisDate":"2026-02-20","causeCategory":"SCIATIC_NERVE"}
                """.formatted(patientId),
                "clinical-writer",
                "traceparent",
                "00-" + traceId + "-00f067aa0ba902b7-01");
        assertThat(created.statusCode()).isEqualTo(201);
        awaitOutcomes(patientId);

        // then outcomes-service projected it in the same trace: its log line carries the trace id
        String projected = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> java.nio.file.Files.readAllLines(system.log("outcomes-service")).stream()
                                .filter(line -> line.contains("Projected intake.diagnosis-recorded")
                                        && line.contains(patientId))
                                .findFirst()
                                .orElse(null),
                        line -> line != null);
        assertThat(projected).contains(traceId);
    }

    @Test
    void shouldAcceptWritesWhileTheBrokerIsDownAndProjectThemOnceItIsBack() throws Exception {
        // given the broker is stopped
        system.stopBroker();
        String patientId = "pt-outage-" + UUID.randomUUID();
        try {
            // when a diagnosis is posted
            HttpResponse<String> created = postDiagnosis(patientId);

            // then it is accepted durably, though nothing can be published yet
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(status(system.read("outcomes", "/api/v1/patients/" + patientId + "/outcomes")))
                    .isEqualTo(404);
        } finally {
            // and once the broker is back on the same port and data
            system.startBroker();
        }

        // the event is published by the sweep and projected, exactly once
        JsonNode outcomes = awaitOutcomes(patientId);
        assertThat(outcomes.get("appliedEvents").asInt()).isEqualTo(1);
        assertThat(outcomes.get("diagnosisPending").asBoolean()).isFalse();
    }

    @Test
    void shouldDeriveOutcomesFromRecordsPostedToIntakeAndTreatment() throws Exception {
        // given a diagnosis, a baseline and a week-6 assessment, and two injections 28 days apart
        String patientId = "pt-flow-" + UUID.randomUUID();
        assertThat(postDiagnosis(patientId).statusCode()).isEqualTo(201);
        assertThat(post("intake", "/api/v1/assessments", assessment(patientId, "2026-03-01T09:00:00Z", "0.62")))
                .isEqualTo(201);
        assertThat(post("intake", "/api/v1/assessments", assessment(patientId, "2026-04-13T09:00:00Z", "0.72")))
                .isEqualTo(201);
        assertThat(post("treatment", "/api/v1/injections", injection(patientId, "2026-03-02T10:00:00Z")))
                .isEqualTo(201);
        assertThat(post("treatment", "/api/v1/injections", injection(patientId, "2026-03-30T10:00:00Z")))
                .isEqualTo(201);

        // when the projection has applied all five events
        JsonNode outcome = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> awaitOutcomes(patientId),
                        o -> o.get("appliedEvents").asInt() == 5);

        // then: day 0 is Mar 2; the 2nd injection 28 days later is IN_WINDOW; at WEEK_6 (day 42, Apr 13)
        // gait speed rose 0.72 - 0.62 = 0.10: a responder, with both injections received by then
        assertThat(outcome.get("dayZero").asString()).isEqualTo("2026-03-02");
        assertThat(outcome.get("injections").get(1).get("spacing").asString()).isEqualTo("IN_WINDOW");
        assertThat(outcome.get("seriesAdherence").asString()).isEqualTo("ADHERENT");
        JsonNode week6 = outcome.get("measures")
                .get("gaitSpeedComfortable")
                .get("windows")
                .get("WEEK_6");
        assertThat(week6.get("change").decimalValue()).isEqualByComparingTo("0.10");
        assertThat(week6.get("responder").asBoolean()).isTrue();
        assertThat(week6.get("injectionsReceived").asInt()).isEqualTo(2);
    }

    @Test
    void shouldRetryWhileTheStoreIsAwayAndNeverDeadLetterAGoodRecord() throws Exception {
        // given the store is stopped, and a good event for a new patient is put on the intake topic
        String patientId = "pt-store-outage-" + UUID.randomUUID();
        String event = """
                {"eventId":"%s","type":"intake.diagnosis-recorded","schemaVersion":1,"patientId":"%s",
                 "occurredAt":"2026-03-02T00:00:00Z","recordedAt":"2026-03-02T09:00:00Z","source":"intake-service",
                 "payload":{"diagnosisId":"%s","revision":1,"diagnosis":{"side":"LEFT","diagnosisDate":"2026-03-02",
                 "causeCategory":"SCIATIC_NERVE","icd10Codes":[],"evaluations":[]}}}
                """.formatted(UUID.randomUUID(), patientId, UUID.randomUUID());
        double failedBefore = failedProjections();
        system.stopStore();
        HttpResponse<String> refused;
        String refusedPatient = "pt-refused-" + UUID.randomUUID();
        try {
            system.publish("intake.events.v1", patientId, event);
            // and a clinical system writing meanwhile is told promptly to retry, with nothing stored
            long asked = System.nanoTime();
            refused = postDiagnosis(refusedPatient);
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(20));
            // while it is away the consumer's batch holding the event fails, and is retried (backing off up to 10 s)
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> failedProjections() > failedBefore);
        } finally {
            system.startStore();
        }

        // then the write was refused with 503 and Retry-After, as problem+json
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("5");
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        // and the event is projected once the store is back, and nothing reached the DLQ
        JsonNode outcome = awaitOutcomes(patientId);
        assertThat(system.read("intake", "/api/v1/patients/" + refusedPatient + "/diagnoses")
                        .body())
                .isEqualTo("[]");
        assertThat(outcome.get("appliedEvents").asInt()).isEqualTo(1);
        assertThat(deadLetterKeys()).doesNotContain(patientId);
    }

    /** outcomes-service's count of events whose projection failed (and was retried), all types. */
    private static double failedProjections() throws Exception {
        String metrics = system.send("GET", "outcomes", "/actuator/prometheus", null, "ops")
                .body();
        return metrics.lines()
                .filter(line ->
                        line.startsWith("footdrop_events_projected_total{") && line.contains("result=\"failed\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static List<String> deadLetterKeys() {
        return system.readAll(List.of("outcomes.dlq.v1")).stream()
                .map(r -> r.key())
                .toList();
    }

    private static int post(String service, String path, String body) throws Exception {
        return system.post(service, path, body).statusCode();
    }

    private static String assessment(String patientId, String at, String gaitSpeed) {
        return """
                {"patientId":"%s","assessedAt":"%s","kind":"FOLLOW_UP","side":"LEFT",
                 "measures":{"gaitSpeedComfortable":%s}}
                """.formatted(patientId, at, gaitSpeed);
    }

    private static String injection(String patientId, String at) {
        return """
                {"patientId":"%s","administeredAt":"%s","technique":"NERVE_HYDRODISSECTION",
                 "target":"SCIATIC_NERVE","side":"LEFT","guidance":"ULTRASOUND","solution":"DEXTROSE_5",
                 "volumeMl":10,"durationMinutes":30}
                """.formatted(patientId, at);
    }

    private static HttpResponse<String> postDiagnosis(String patientId) throws Exception {
        String body = """
                {"patientId":"%s","side":"LEFT","diagnosisDate":"2026-02-20","causeCategory":"SCIATIC_NERVE"}
                """.formatted(patientId);
        return system.post("intake", "/api/v1/diagnoses", body);
    }

    private static JsonNode awaitOutcomes(String patientId) {
        HttpResponse<String> response = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(
                        () -> system.read("outcomes", "/api/v1/patients/" + patientId + "/outcomes"),
                        r -> r != null && r.statusCode() == 200);
        return json(response);
    }

    private static int status(HttpResponse<String> response) {
        return response == null ? -1 : response.statusCode();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return EventJson.mapper().readTree(response.body());
    }
}
