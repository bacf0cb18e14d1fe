package org.footdrop.intake.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.EventJson;
import org.footdrop.contract.EventType;
import org.footdrop.contract.GoldenSamples;
import org.footdrop.contract.Topics;
import org.footdrop.support.outbox.OutboxEntry;
import org.footdrop.support.outbox.OutboxSweeper;
import org.footdrop.support.outbox.PendingEventMarker;
import org.footdrop.support.testing.Http;
import org.footdrop.support.testing.TopicProbe;
import org.junit.jupiter.api.AfterEach;
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
 * The diagnosis slice over real HTTP, a real Kafka broker and the MongoDB wire protocol. One body,
 * run against the embedded broker and store here and against the real images where Docker is.
 */
abstract class DiagnosisSliceContract {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxSweeper sweeper;

    @Autowired
    EventCodec codec;

    RestClient http;
    TopicProbe topic;

    abstract String kafkaBootstrap();

    @BeforeEach
    void connect() {
        http = new Http(port).client();
        topic = new TopicProbe(kafkaBootstrap(), Topics.INTAKE_EVENTS);
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }

    @Test
    void shouldStoreDiagnosisWithItsEventInOneDocumentThenPublishIt() {
        // given
        String patientId = "pt-" + UUID.randomUUID();

        // when
        ResponseEntity<JsonNode> response = post(minimalDiagnosis(patientId), null);

        // then the record and its pending event were one document
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        String id = response.getBody().get("diagnosisId").asString();
        assertThat(response.getHeaders().getLocation()).hasToString("/api/v1/diagnoses/" + id);
        assertThat(response.getHeaders().getETag()).isEqualTo("\"1\"");
        Document stored = mongo.findById(id, Document.class, DiagnosisRecordKind.COLLECTION);
        assertThat(stored.get("state", Document.class).getString("patientId")).isEqualTo(patientId);
        Document outbox = stored.get("outbox", Document.class);
        assertThat(outbox).hasSize(1);
        String eventId = outbox.keySet().iterator().next();

        // and the event reached the topic, keyed by patient, with the CloudEvents headers
        ConsumerRecord<byte[], byte[]> record = awaitRecord(eventId);
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(patientId);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(eventId);
        assertThat(header(record, "ce_type")).isEqualTo("intake.diagnosis-recorded");
        assertThat(header(record, "ce_source")).isEqualTo("intake-service");
        assertThat(header(record, "ce_subject")).isEqualTo(patientId);
        assertThat(header(record, "ce_time")).isEqualTo("2026-03-02T00:00:00Z");
        assertThat(header(record, "ce_schemaversion")).isEqualTo("1");
        assertThat(header(record, "ce_recordedat")).isNotBlank();
        assertThat(header(record, "ce_correlationid")).isNotBlank();
        EventEnvelope event = codec.decode(record.value());
        assertThat(event.payload().recordId()).hasToString(id);

        // and its marker is gone (no longer pending), the record still holding the event it was written with
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(mongo.findById(eventId, Document.class, PendingEventMarker.COLLECTION))
                        .isNull());
        Document written = mongo.findById(id, Document.class, DiagnosisRecordKind.COLLECTION);
        assertThat(written.get("outbox", Document.class)
                        .get(eventId, Document.class)
                        .getString("payload"))
                .isEqualTo(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void shouldEmitEventShapedExactlyLikeTheGoldenSample() {
        // given the golden sample's diagnosis, posted as a request
        JsonNode golden = EventJson.mapper().readTree(GoldenSamples.read(EventType.DIAGNOSIS_RECORDED, 1));
        ObjectNode request = ((ObjectNode) golden.get("payload").get("diagnosis")).deepCopy();
        request.put("patientId", "pt-" + UUID.randomUUID());

        // when
        ResponseEntity<JsonNode> response = post(request, null);
        String eventId = onlyOutboxEventId(response.getBody().get("diagnosisId").asString());
        JsonNode emitted = EventJson.mapper().readTree(awaitRecord(eventId).value());

        // then the same field names everywhere and the same clinical payload
        assertThat(fieldNames(emitted)).isEqualTo(fieldNames(golden));
        assertThat(fieldNames(emitted.get("payload"))).isEqualTo(fieldNames(golden.get("payload")));
        assertThat(emitted.get("payload").get("diagnosis"))
                .isEqualTo(golden.get("payload").get("diagnosis"));
    }

    @Test
    void shouldReplayOriginalResponseForARetryWithTheSameIdempotencyKey() {
        // given
        String key = "retry-" + UUID.randomUUID();
        ObjectNode body = minimalDiagnosis("pt-" + UUID.randomUUID());
        ResponseEntity<JsonNode> first = post(body, key);

        // when the same request is retried with reordered fields
        ObjectNode reordered = EventJson.mapper().createObjectNode();
        List.of("side", "diagnosisDate", "causeCategory", "patientId").forEach(f -> reordered.set(f, body.get(f)));
        ResponseEntity<JsonNode> retry = post(reordered, key);

        // then
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        String id = first.getBody().get("diagnosisId").asString();
        String eventId = onlyOutboxEventId(id);
        awaitRecord(eventId);
        assertThat(topic.poll().stream()
                        .filter(r -> header(r, "ce_subject")
                                .equals(body.get("patientId").asString())))
                .hasSize(1);
    }

    @Test
    void shouldRefuseTheSameIdempotencyKeyWithADifferentBody() {
        String key = "conflict-" + UUID.randomUUID();
        post(minimalDiagnosis("pt-a-" + UUID.randomUUID()), key);

        ResponseEntity<JsonNode> second = post(minimalDiagnosis("pt-b-" + UUID.randomUUID()), key);

        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(second.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(second.getBody().get("type").asString()).isEqualTo("https://footdrop.org/problems/conflict");
    }

    @Test
    void shouldResendAnEventLeftPendingByACrashAndOnlyThatOne() {
        resendsAnEventLeftPending(false);
    }

    /** An entry stored without the headers its payload says: sent with them, as when it was written. */
    @Test
    void shouldResendAPendingEventStoredWithoutItsCloudEventsHeadersWithThemAll() {
        resendsAnEventLeftPending(true);
    }

    private void resendsAnEventLeftPending(boolean storedShape) {
        // given a record whose event was stored but never sent (the service died after the write),
        // in the released shape (all headers stored) or the current one
        String recordId = UUID.randomUUID().toString();
        String patientId = "pt-crash-" + UUID.randomUUID();
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(5));
        OutboxEntry pending = OutboxEntry.pending(voided(recordId, patientId, longAgo, "crash-test"), codec, longAgo)
                .withHeaders(Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        OutboxEntry stored = storedShape ? pending.stored() : pending;
        assertThat(stored.headers()).hasSize(storedShape ? 1 : 11);
        if (storedShape) {
            mongo.insert(
                    new PendingEventMarker(pending.eventId(), DiagnosisRecordKind.COLLECTION, recordId, longAgo),
                    PendingEventMarker.COLLECTION);
        } else {
            // the released marker, from before batch markers: no size, no events
            mongo.insert(
                    new Document("_id", pending.eventId())
                            .append("collection", DiagnosisRecordKind.COLLECTION)
                            .append("recordId", recordId)
                            .append("createdAt", java.util.Date.from(longAgo)),
                    PendingEventMarker.COLLECTION);
        }
        storeRecordHolding(recordId, patientId, pending.eventId(), stored);

        // when
        int requeued = sweeper.sweep();

        // then it is sent, once, and a sweep under normal operation sends nothing again
        assertThat(requeued).isEqualTo(1);
        ConsumerRecord<byte[], byte[]> sent = awaitRecord(pending.eventId());
        Map<String, String> headers = new LinkedHashMap<>();
        sent.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        assertThat(headers).containsExactlyEntriesOf(pending.headers());
        assertThat(sent.value()).isEqualTo(pending.payloadBytes());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> mongo.findById(pending.eventId(), Document.class, PendingEventMarker.COLLECTION) == null);
        assertThat(sweeper.sweep()).isZero();
        assertThat(topic.poll().stream().filter(r -> header(r, "ce_id").equals(pending.eventId())))
                .hasSize(1);
    }

    @Test
    void shouldResendTheEventsABatchMarkerKeptPendingAndOnlyThoseThenDropTheMarker() {
        // given a bulk write's batch cut off after its records were stored, before their events were sent:
        // three records holding their pending events, one listed record never written, and one record
        // stored before under the same id (a re-import) holding its own, earlier event
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(5));
        String patientId = "pt-batch-" + UUID.randomUUID();
        List<PendingEventMarker.BatchedEvent> listed = new java.util.ArrayList<>();
        List<OutboxEntry> written = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String recordId = UUID.randomUUID().toString();
            OutboxEntry pending = storeRecordWithPendingEvent(recordId, patientId, longAgo);
            written.add(pending);
            listed.add(new PendingEventMarker.BatchedEvent(pending.eventId(), recordId));
        }
        listed.add(new PendingEventMarker.BatchedEvent(
                UUID.randomUUID().toString(), UUID.randomUUID().toString()));
        String earlierRecord = UUID.randomUUID().toString();
        OutboxEntry earlier = storeRecordWithPendingEvent(earlierRecord, patientId, longAgo);
        String notWritten = UUID.randomUUID().toString();
        listed.add(new PendingEventMarker.BatchedEvent(notWritten, earlierRecord));
        String markerId = "batch-" + UUID.randomUUID();
        mongo.insert(
                PendingEventMarker.batch(markerId, DiagnosisRecordKind.COLLECTION, listed, longAgo),
                PendingEventMarker.COLLECTION);

        // when
        int requeued = sweeper.sweep();

        // then the three are sent once each, the marker goes, and the next sweep has nothing to send
        assertThat(requeued).isEqualTo(3);
        for (OutboxEntry pending : written) {
            assertThat(awaitRecord(pending.eventId()).value()).isEqualTo(pending.payloadBytes());
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> mongo.findById(markerId, Document.class, PendingEventMarker.COLLECTION) == null);
        assertThat(sweeper.sweep()).isZero();
        List<String> sentIds =
                topic.poll().stream().map(r -> header(r, "ce_id")).toList();
        for (OutboxEntry pending : written) {
            assertThat(sentIds).containsOnlyOnce(pending.eventId());
        }
        assertThat(sentIds).doesNotContain(notWritten, earlier.eventId());
    }

    @Test
    void shouldDropABatchMarkerNoneOfWhoseRecordsWasWritten() {
        String markerId = "batch-" + UUID.randomUUID();
        mongo.insert(
                PendingEventMarker.batch(
                        markerId,
                        DiagnosisRecordKind.COLLECTION,
                        List.of(new PendingEventMarker.BatchedEvent(
                                UUID.randomUUID().toString(), UUID.randomUUID().toString())),
                        Instant.now().minus(Duration.ofMinutes(11))),
                PendingEventMarker.COLLECTION);

        // written longer ago than a record's write can still land (10 minutes)
        assertThat(sweeper.sweep()).isZero();

        assertThat(mongo.findById(markerId, Document.class, PendingEventMarker.COLLECTION))
                .isNull();
    }

    /** A diagnosis record as a write stores it, its event pending in its outbox; no marker. */
    private OutboxEntry storeRecordWithPendingEvent(String recordId, String patientId, Instant at) {
        OutboxEntry pending = OutboxEntry.pending(voided(recordId, patientId, at, "batch-test"), codec, at);
        storeRecordHolding(recordId, patientId, pending.eventId(), pending.stored());
        return pending;
    }

    private static EventEnvelope voided(String recordId, String patientId, Instant at, String correlationId) {
        return EventEnvelope.of(
                new org.footdrop.contract.intake.DiagnosisVoided(UUID.fromString(recordId), 2),
                patientId,
                at,
                at,
                "intake-service",
                correlationId);
    }

    /** A diagnosis record document whose outbox holds one entry, as the service writes it. */
    private void storeRecordHolding(String recordId, String patientId, String eventId, OutboxEntry entry) {
        mongo.insert(
                new Document("_id", recordId)
                        .append("patientId", patientId)
                        .append("revisionKey", recordId + "#1")
                        .append(
                                "outbox",
                                new Document(eventId, mongo.getConverter().convertToMongoType(entry))),
                DiagnosisRecordKind.COLLECTION);
    }

    @Test
    void shouldDropAMarkerWhoseRecordWasNeverWritten() {
        String eventId = UUID.randomUUID().toString();
        mongo.insert(
                new PendingEventMarker(
                        eventId,
                        DiagnosisRecordKind.COLLECTION,
                        UUID.randomUUID().toString(),
                        Instant.now().minus(Duration.ofMinutes(11))),
                PendingEventMarker.COLLECTION);

        // written longer ago than a record's write can still land (10 minutes)
        assertThat(sweeper.sweep()).isZero();

        assertThat(mongo.findById(eventId, Document.class, PendingEventMarker.COLLECTION))
                .isNull();
    }

    @Test
    void shouldAnswerUnknownDiagnosisWith404ProblemJson() {
        ResponseEntity<JsonNode> response = http.get()
                .uri("/api/v1/diagnoses/{id}", UUID.randomUUID())
                .retrieve()
                .toEntity(JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    static ObjectNode minimalDiagnosis(String patientId) {
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("patientId", patientId);
        body.put("side", "LEFT");
        body.put("diagnosisDate", "2026-03-02");
        body.put("causeCategory", "FIBULAR_NERVE_AT_KNEE");
        return body;
    }

    ResponseEntity<JsonNode> post(JsonNode body, String idempotencyKey) {
        return http.post()
                .uri("/api/v1/diagnoses")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (idempotencyKey != null) {
                        h.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .body(body.toString())
                .retrieve()
                .toEntity(JsonNode.class);
    }

    String onlyOutboxEventId(String diagnosisId) {
        Document stored = mongo.findById(diagnosisId, Document.class, DiagnosisRecordKind.COLLECTION);
        return stored.get("outbox", Document.class).keySet().iterator().next();
    }

    ConsumerRecord<byte[], byte[]> awaitRecord(String eventId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> topic.poll().stream()
                                .filter(r -> eventId.equals(header(r, "ce_id")))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    static List<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().sorted().toList();
    }
}
