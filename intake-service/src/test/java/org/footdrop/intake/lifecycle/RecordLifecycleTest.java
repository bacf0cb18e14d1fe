package org.footdrop.intake.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.EventJson;
import org.footdrop.contract.EventType;
import org.footdrop.contract.GoldenSamples;
import org.footdrop.contract.Topics;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.footdrop.support.testing.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Corrections and retries of intake records as clinical integrations use them, with every event
 * counted by a real consumer of {@code intake.events.v1}.
 */
@EmbeddedInfrastructure
class RecordLifecycleTest {

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    EventCodec codec;

    Http http;
    TopicProbe topic;

    @BeforeEach
    void connect() {
        http = new Http(port);
        topic = new TopicProbe(brokers, Topics.INTAKE_EVENTS);
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"diagnoses", "assessments"})
    void shouldPublishRecordedAmendedVoidedWithIncreasingRevisions(String records) {
        // given
        String patientId = "pt-" + UUID.randomUUID();
        JsonNode created = post(records, body(records, patientId), null).getBody();
        String id = created.get(idField(records)).asString();

        // when amended, then voided
        ResponseEntity<JsonNode> amended = http.send("PUT", "/api/v1/" + records + "/" + id,
                amendedBody(records, patientId).toString(), "If-Match", "\"1\"");
        ResponseEntity<JsonNode> voided = http.send("DELETE", "/api/v1/" + records + "/" + id,
                "{\"reason\":\"entered for the wrong visit\"}", "If-Match", "\"2\"");

        // then
        assertThat(amended.getStatusCode().value()).isEqualTo(200);
        assertThat(amended.getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(voided.getStatusCode().value()).isEqualTo(200);
        assertThat(voided.getBody().get("status").asString()).isEqualTo("VOIDED");
        assertThat(voided.getBody().get("revision").asInt()).isEqualTo(3);
        List<EventEnvelope> events = awaitEvents(patientId, 3);
        assertThat(events).extracting(e -> e.payload().revision()).containsExactly(1, 2, 3);
        assertThat(events).extracting(EventEnvelope::type).containsExactly(
                prefix(records) + "-recorded", prefix(records) + "-amended", prefix(records) + "-voided");
        assertThat(events).allMatch(e -> e.payload().recordId().toString().equals(id));
        assertThat(voided.toString()).doesNotContain("entered for the wrong visit");
    }

    @Test
    void shouldRefuseAnAmendWithAStaleIfMatch() {
        String patientId = "pt-" + UUID.randomUUID();
        String id = post("diagnoses", body("diagnoses", patientId), null).getBody().get("diagnosisId").asString();
        http.send("PUT", "/api/v1/diagnoses/" + id, amendedBody("diagnoses", patientId).toString(), "If-Match", "1");

        ResponseEntity<JsonNode> stale = http.send("PUT", "/api/v1/diagnoses/" + id,
                amendedBody("diagnoses", patientId).put("spasticity", true).toString(), "If-Match", "1");

        assertThat(stale.getStatusCode().value()).isEqualTo(412);
        assertThat(stale.getBody().get("type").asString()).isEqualTo("https://footdrop.org/problems/stale-revision");
        assertThat(http.get("/api/v1/diagnoses/{id}", id).getBody().get("revision").asInt()).isEqualTo(2);
    }

    @Test
    void shouldRequireIfMatchToAmend() {
        String patientId = "pt-" + UUID.randomUUID();
        String id = post("diagnoses", body("diagnoses", patientId), null).getBody().get("diagnosisId").asString();

        ResponseEntity<JsonNode> response = http.send("PUT", "/api/v1/diagnoses/" + id,
                amendedBody("diagnoses", patientId).toString());

        assertThat(response.getStatusCode().value()).isEqualTo(428);
    }

    @Test
    void shouldLetOnlyOneOfTwoConcurrentAmendsOfOneRevisionWin() throws Exception {
        String patientId = "pt-" + UUID.randomUUID();
        String id = post("diagnoses", body("diagnoses", patientId), null).getBody().get("diagnosisId").asString();
        List<Callable<Integer>> amends = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String amended = amendedBody("diagnoses", patientId).put("birthYear", 1960 + i).toString();
            amends.add(() -> http.send("PUT", "/api/v1/diagnoses/" + id, amended, "If-Match", "1")
                    .getStatusCode().value());
        }

        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : all(amends)) {
            statuses.add(status.get());
        }

        assertThat(statuses).containsOnly(200, 412).filteredOn(s -> s == 200).hasSize(1);
        assertThat(http.get("/api/v1/diagnoses/{id}", id).getBody().get("revision").asInt()).isEqualTo(2);
        assertThat(awaitEvents(patientId, 2)).extracting(e -> e.payload().revision()).containsExactly(1, 2);
    }

    @Test
    void shouldAnswer404ForAmendOrVoidOfAnUnknownRecordAnd409ForAVoidedOne() {
        String unknown = UUID.randomUUID().toString();
        String patientId = "pt-" + UUID.randomUUID();
        assertThat(http.send("PUT", "/api/v1/assessments/" + unknown, body("assessments", patientId).toString(),
                "If-Match", "1").getStatusCode().value()).isEqualTo(404);
        assertThat(http.send("DELETE", "/api/v1/assessments/" + unknown, "{\"reason\":\"x\"}")
                .getStatusCode().value()).isEqualTo(404);

        String id = post("assessments", body("assessments", patientId), null).getBody().get("assessmentId")
                .asString();
        http.send("DELETE", "/api/v1/assessments/" + id, "{\"reason\":\"duplicate entry\"}");

        assertThat(http.send("PUT", "/api/v1/assessments/" + id, body("assessments", patientId).toString(),
                "If-Match", "2").getStatusCode().value()).isEqualTo(409);
        assertThat(http.send("DELETE", "/api/v1/assessments/" + id, "{\"reason\":\"again\"}")
                .getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void shouldCreateOneRecordAndOneEventForConcurrentRequestsWithOneKey() throws Exception {
        // given
        String patientId = "pt-" + UUID.randomUUID();
        String key = "concurrent-" + UUID.randomUUID();
        String body = body("assessments", patientId).toString();
        List<Callable<ResponseEntity<JsonNode>>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(() -> http.send("POST", "/api/v1/assessments", body, "Idempotency-Key", key));
        }

        // when
        List<ResponseEntity<JsonNode>> responses = new ArrayList<>();
        for (Future<ResponseEntity<JsonNode>> response : all(requests)) {
            responses.add(response.get());
        }

        // then every caller sees the one record, and one event was published
        assertThat(responses).allMatch(r -> r.getStatusCode().value() == 201);
        assertThat(responses).extracting(r -> r.getBody().get("assessmentId").asString()).containsOnly(
                responses.get(0).getBody().get("assessmentId").asString());
        assertThat(http.get("/api/v1/patients/{p}/assessments", patientId).getBody()).hasSize(1);
        awaitEvents(patientId, 1);
        assertNoMoreEventsThan(patientId, 1);
    }

    @Test
    void shouldReplayAnAmendRetriedWithTheSameKeyAndRefuseADifferentBody() {
        String patientId = "pt-" + UUID.randomUUID();
        String id = post("diagnoses", body("diagnoses", patientId), null).getBody().get("diagnosisId").asString();
        String amended = amendedBody("diagnoses", patientId).toString();

        ResponseEntity<JsonNode> first = http.send("PUT", "/api/v1/diagnoses/" + id, amended,
                "If-Match", "1", "Idempotency-Key", "amend-1");
        ResponseEntity<JsonNode> retry = http.send("PUT", "/api/v1/diagnoses/" + id, amended,
                "If-Match", "1", "Idempotency-Key", "amend-1");
        ResponseEntity<JsonNode> other = http.send("PUT", "/api/v1/diagnoses/" + id,
                amendedBody("diagnoses", patientId).put("spasticity", true).toString(),
                "If-Match", "2", "Idempotency-Key", "amend-1");

        assertThat(retry.getStatusCode().value()).isEqualTo(200);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(other.getStatusCode().value()).isEqualTo(409);
        awaitEvents(patientId, 2);
        assertNoMoreEventsThan(patientId, 2);
    }

    @Test
    void shouldListAPatientsRecordsOldestFirstWithVoidedOnesMarked() {
        String patientId = "pt-" + UUID.randomUUID();
        String first = post("diagnoses", body("diagnoses", patientId), null).getBody().get("diagnosisId").asString();
        String second = post("diagnoses", amendedBody("diagnoses", patientId), null).getBody().get("diagnosisId")
                .asString();
        http.send("DELETE", "/api/v1/diagnoses/" + first, "{\"reason\":\"wrong patient\"}");

        JsonNode list = http.get("/api/v1/patients/{p}/diagnoses", patientId).getBody();

        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("diagnosisId").asString()).isEqualTo(first);
        assertThat(list.get(0).get("status").asString()).isEqualTo("VOIDED");
        assertThat(list.get(1).get("diagnosisId").asString()).isEqualTo(second);
        assertThat(http.get("/api/v1/patients/{p}/diagnoses", "pt-nobody-" + UUID.randomUUID()).getBody()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DIAGNOSIS_AMENDED", "DIAGNOSIS_VOIDED", "ASSESSMENT_RECORDED", "ASSESSMENT_AMENDED",
            "ASSESSMENT_VOIDED"})
    void shouldEmitEventsShapedLikeTheirGoldenSamples(EventType type) {
        // given the golden sample's clinical state, posted (and corrected) through the API
        JsonNode golden = EventJson.mapper().readTree(GoldenSamples.read(type, 1));
        String records = type.name().startsWith("DIAGNOSIS") ? "diagnoses" : "assessments";
        String patientId = "pt-" + UUID.randomUUID();
        JsonNode state = golden.get("payload").get(records.equals("diagnoses") ? "diagnosis" : "assessment");
        ObjectNode request = state == null ? body(records, patientId) : ((ObjectNode) state).deepCopy();
        request.put("patientId", patientId);
        String id = post(records, request, null).getBody().get(idField(records)).asString();
        if (type.wireName().endsWith("-amended")) {
            http.send("PUT", "/api/v1/" + records + "/" + id, request.toString(), "If-Match", "1");
        } else if (type.wireName().endsWith("-voided")) {
            http.send("PUT", "/api/v1/" + records + "/" + id, request.toString(), "If-Match", "1");
            http.send("DELETE", "/api/v1/" + records + "/" + id, "{\"reason\":\"test\"}");
        }

        // when
        JsonNode emitted = awaitEvents(patientId, golden.get("payload").get("revision").asInt()).stream()
                .filter(e -> e.type().equals(type.wireName())).findFirst()
                .map(e -> EventJson.mapper().readTree(codec.encode(e))).orElseThrow();

        // then the same field names and, for states, the same clinical payload
        assertThat(names(emitted)).isEqualTo(names(golden));
        assertThat(names(emitted.get("payload"))).isEqualTo(names(golden.get("payload")));
        if (state != null) {
            assertThat(emitted.get("payload").get(records.equals("diagnoses") ? "diagnosis" : "assessment"))
                    .isEqualTo(state);
        }
    }

    static <T> List<Future<T>> all(List<Callable<T>> tasks) throws InterruptedException {
        var pool = Executors.newFixedThreadPool(tasks.size());
        try {
            return pool.invokeAll(tasks);
        } finally {
            pool.shutdown();
        }
    }

    ResponseEntity<JsonNode> post(String records, ObjectNode body, String key) {
        ResponseEntity<JsonNode> response = http.send("POST", "/api/v1/" + records, body.toString(),
                "Idempotency-Key", key);
        assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(201);
        return response;
    }

    List<EventEnvelope> awaitEvents(String patientId, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(patientId), e -> e.size() >= count);
    }

    void assertNoMoreEventsThan(String patientId, int count) {
        // the publisher has marked them sent; one more poll shows nothing further arrived
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(eventsOf(patientId)).hasSize(count));
    }

    List<EventEnvelope> eventsOf(String patientId) {
        return topic.poll().stream()
                .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals(patientId))
                .map(ConsumerRecord::value).map(codec::decode).toList();
    }

    static ObjectNode body(String records, String patientId) {
        ObjectNode body = EventJson.mapper().createObjectNode().put("patientId", patientId);
        if (records.equals("diagnoses")) {
            return body.put("side", "RIGHT").put("diagnosisDate", "2026-02-10").put("causeCategory", "SCIATIC_NERVE");
        }
        body.put("assessedAt", "2026-03-02T09:00:00Z").put("kind", "BASELINE").put("side", "RIGHT");
        body.putObject("measures").put("mrcAnkleDorsiflexion", "3").put("gaitSpeedComfortable", 0.62);
        return body;
    }

    static ObjectNode amendedBody(String records, String patientId) {
        ObjectNode body = body(records, patientId);
        if (records.equals("diagnoses")) {
            return body.put("side", "LEFT");
        }
        ((ObjectNode) body.get("measures")).put("mrcAnkleDorsiflexion", "3+");
        return body;
    }

    static String idField(String records) {
        return records.equals("diagnoses") ? "diagnosisId" : "assessmentId";
    }

    static String prefix(String records) {
        return records.equals("diagnoses") ? "intake.diagnosis" : "intake.assessment";
    }

    static List<String> names(JsonNode node) {
        return node.propertyNames().stream().sorted().toList();
    }
}
