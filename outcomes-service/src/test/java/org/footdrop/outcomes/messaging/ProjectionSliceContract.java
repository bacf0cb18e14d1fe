package org.footdrop.outcomes.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.footdrop.contract.CloudEventHeaders;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.EventJson;
import org.footdrop.contract.EventType;
import org.footdrop.contract.GoldenSamples;
import org.footdrop.contract.Topics;
import org.footdrop.outcomes.projection.PatientOutcomeStore;
import org.footdrop.support.testing.Http;
import org.footdrop.support.testing.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The projection slice over a real broker and the MongoDB wire protocol: records put on the
 * source topics by a plain Kafka producer, read back through the outcomes API. One body for the
 * embedded and the container variant.
 */
abstract class ProjectionSliceContract {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EventCodec codec;

    RestClient http;

    abstract String kafkaBootstrap();

    @BeforeEach
    void connect() {
        http = new Http(port).client();
    }

    @Test
    void shouldProjectADiagnosisPublishedOnTheIntakeTopic() {
        // given
        String patientId = "pt-" + UUID.randomUUID();
        EventEnvelope event = goldenFor(EventType.DIAGNOSIS_RECORDED, patientId);

        // when
        publish(event);

        // then
        JsonNode outcomes = awaitOutcomes(patientId, 1);
        assertThat(outcomes.get("diagnosisPending").asBoolean()).isFalse();
        assertThat(outcomes.get("currentDiagnosis").get("diagnosisId").asString())
                .isEqualTo(event.payload().recordId().toString());
        assertThat(outcomes.get("currentDiagnosis").get("indexSide").asString()).isEqualTo("LEFT");
        assertThat(outcomes.get("currentDiagnosis")
                        .get("diagnosis")
                        .get("causeCategory")
                        .asString())
                .isEqualTo("FIBULAR_NERVE_AT_KNEE");
    }

    @Test
    void shouldChangeNothingWhenTheSameEventIsDeliveredTwice() {
        // given an event already projected
        String patientId = "pt-" + UUID.randomUUID();
        EventEnvelope event = goldenFor(EventType.INJECTION_ADMINISTERED, patientId);
        publish(event);
        awaitOutcomes(patientId, 1);
        Document before = mongo.findById(patientId, Document.class, PatientOutcomeStore.COLLECTION);
        double duplicatesBefore = duplicates(event.type());

        // when it is delivered again
        publish(event);

        // then it is counted as a duplicate and the document is unchanged
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates(event.type()) > duplicatesBefore);
        assertThat(mongo.findById(patientId, Document.class, PatientOutcomeStore.COLLECTION))
                .isEqualTo(before);
        JsonNode outcomes = outcomes(patientId).getBody();
        assertThat(outcomes.get("diagnosisPending").asBoolean()).isTrue();
        assertThat(outcomes.get("appliedEvents").asInt()).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterAMalformedRecordAndStillProjectTheNextOne() {
        // given a malformed record followed by a good one for the same patient (same partition)
        String patientId = "pt-" + UUID.randomUUID();
        byte[] key = patientId.getBytes(StandardCharsets.UTF_8);
        byte[] poison = "{\"eventId\": \"not json at all".getBytes(StandardCharsets.UTF_8);
        try (TopicProbe dlq = new TopicProbe(kafkaBootstrap(), Topics.OUTCOMES_DLQ)) {

            // when
            TopicProbe.send(kafkaBootstrap(), Topics.INTAKE_EVENTS, key, poison, Map.of());
            publish(goldenFor(EventType.DIAGNOSIS_RECORDED, patientId));

            // then the poison is on the DLQ with its reason, and the good record was projected
            var deadLetter = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> dlq.poll().stream()
                                    .filter(r -> java.util.Arrays.equals(r.key(), key))
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
            assertThat(deadLetter.value()).isEqualTo(poison);
            assertThat(new String(
                            deadLetter
                                    .headers()
                                    .lastHeader(DeadLetterRouting.REASON_HEADER)
                                    .value(),
                            StandardCharsets.UTF_8))
                    .isEqualTo("UNPARSEABLE");
            assertThat(deadLetter.headers().lastHeader("kafka_dlt-original-topic"))
                    .isNotNull();
            awaitOutcomes(patientId, 1);
            assertThat(meters.counter("footdrop.dlq.records", "reason", "UNPARSEABLE", "topic", Topics.INTAKE_EVENTS)
                            .count())
                    .isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void shouldDeadLetterAnUnknownEventTypeOnTheTreatmentTopic() {
        String patientId = "pt-" + UUID.randomUUID();
        ObjectNode unknown =
                (ObjectNode) EventJson.mapper().readTree(GoldenSamples.read(EventType.INJECTION_ADMINISTERED, 1));
        unknown.put("patientId", patientId);
        unknown.put("type", "treatment.acupuncture-given");
        try (TopicProbe dlq = new TopicProbe(kafkaBootstrap(), Topics.OUTCOMES_DLQ)) {
            TopicProbe.send(
                    kafkaBootstrap(),
                    Topics.TREATMENT_EVENTS,
                    patientId.getBytes(StandardCharsets.UTF_8),
                    unknown.toString().getBytes(StandardCharsets.UTF_8),
                    Map.of());

            var deadLetter = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> dlq.poll().stream()
                                    .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals(patientId))
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
            assertThat(new String(
                            deadLetter
                                    .headers()
                                    .lastHeader(DeadLetterRouting.REASON_HEADER)
                                    .value(),
                            StandardCharsets.UTF_8))
                    .isEqualTo("UNKNOWN_TYPE");
        }
        assertThat(outcomes(patientId).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void shouldAnswerAnUnknownPatientWith404ProblemJson() {
        ResponseEntity<JsonNode> response = outcomes("pt-never-seen-" + UUID.randomUUID());

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("type").asString()).isEqualTo("https://footdrop.org/problems/not-found");
    }

    EventEnvelope goldenFor(EventType type, String patientId) {
        ObjectNode sample = (ObjectNode) EventJson.mapper().readTree(GoldenSamples.read(type, 1));
        sample.put("patientId", patientId);
        sample.put("eventId", UUID.randomUUID().toString());
        ObjectNode payload = (ObjectNode) sample.get("payload");
        String idField = payload.propertyNames().iterator().next();
        payload.put(idField, UUID.randomUUID().toString());
        return codec.decode(sample.toString().getBytes(StandardCharsets.UTF_8));
    }

    void publish(EventEnvelope event) {
        Map<String, byte[]> headers = new java.util.LinkedHashMap<>();
        CloudEventHeaders.of(event).forEach((name, value) -> headers.put(name, value.getBytes(StandardCharsets.UTF_8)));
        TopicProbe.send(
                kafkaBootstrap(),
                event.eventType().topic(),
                event.patientId().getBytes(StandardCharsets.UTF_8),
                codec.encode(event),
                headers);
    }

    ResponseEntity<JsonNode> outcomes(String patientId) {
        return http.get()
                .uri("/api/v1/patients/{id}/outcomes", patientId)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    JsonNode awaitOutcomes(String patientId, int appliedEvents) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> outcomes(patientId),
                        r -> r.getStatusCode().value() == 200
                                && r.getBody().get("appliedEvents").asInt() >= appliedEvents)
                .getBody();
    }

    double duplicates(String type) {
        return meters.counter(EventProjection.PROJECTED, "type", type, "result", "duplicate")
                .count();
    }
}
