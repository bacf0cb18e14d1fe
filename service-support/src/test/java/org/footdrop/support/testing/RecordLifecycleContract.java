package org.footdrop.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.EventJson;
import org.footdrop.contract.EventType;
import org.footdrop.contract.GoldenSamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Corrections and retries of one kind of clinical record, as clinical integrations use them, with
 * every event counted by a real consumer of the service's topic. Shared by every service that owns
 * records, so that they keep one behaviour without copied tests.
 */
public abstract class RecordLifecycleContract {

    @LocalServerPort
    int port;

    @Value("#{@embeddedKafka.brokersAsString}") // this context's broker: the global property names the last one started
    String brokers;

    @Autowired
    EventCodec codec;

    @Autowired
    MongoTemplate mongo;

    protected Http http;
    TopicProbe topic;

    protected abstract RecordApi api();

    @BeforeEach
    void connect() {
        http = new Http(port);
        topic = new TopicProbe(brokers, api().topic());
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }

    @Test
    void shouldPublishRecordedAmendedVoidedWithIncreasingRevisions() {
        // given
        String patientId = "pt-" + UUID.randomUUID();
        String id = create(patientId, null);

        // when amended, then voided
        ResponseEntity<JsonNode> amended =
                http.send("PUT", item(id), api().amendedBody().apply(patientId).toString(), "If-Match", "\"1\"");
        ResponseEntity<JsonNode> voided =
                http.send("DELETE", item(id), "{\"reason\":\"entered for the wrong visit\"}", "If-Match", "\"2\"");

        // then
        assertThat(amended.getStatusCode().value()).as(amended.toString()).isEqualTo(200);
        assertThat(amended.getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(voided.getStatusCode().value()).isEqualTo(200);
        assertThat(voided.getBody().get("status").asString()).isEqualTo("VOIDED");
        assertThat(voided.getBody().get("revision").asInt()).isEqualTo(3);
        assertThat(voided.getBody().toString()).doesNotContain("entered for the wrong visit");
        List<EventEnvelope> events = awaitEvents(patientId, 3);
        assertThat(events).extracting(e -> e.payload().revision()).containsExactly(1, 2, 3);
        assertThat(events)
                .extracting(EventEnvelope::type)
                .containsExactly(
                        api().eventPrefix() + api().recordedSuffix(),
                        api().eventPrefix() + "-amended",
                        api().eventPrefix() + "-voided");
        assertThat(events).allMatch(e -> e.payload().recordId().toString().equals(id));
    }

    @Test
    void shouldKeepTheClinicsIdentifierGivenOnCreateAndShowItOnRead() {
        // given the clinic's own id for the record, as a FHIR identifier or an import's line key
        String patientId = "pt-" + UUID.randomUUID();
        String value = api().collection() + "-" + UUID.randomUUID();
        String identifier = "urn:clinic:emr|" + value;
        String body = api().validBody().apply(patientId).toString();

        // when created with it, created again with it, and created with it and another body
        ResponseEntity<JsonNode> created = http.send("POST", api().path(), body, "Record-Identifier", identifier);
        ResponseEntity<JsonNode> again = http.send("POST", api().path(), body, "Record-Identifier", identifier);
        ResponseEntity<JsonNode> other = http.send(
                "POST", api().path(), api().amendedBody().apply(patientId).toString(), "Record-Identifier", identifier);

        // then one record carries it, the refusal names it, and reading it back shows it
        assertThat(created.getStatusCode().value()).as(created.toString()).isEqualTo(201);
        String id = created.getBody().get(api().idField()).asString();
        assertThat(again.getBody().get(api().idField()).asString()).isEqualTo(id);
        assertThat(created.getHeaders().containsHeader("Idempotent-Replayed")).isFalse();
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(other.getStatusCode().value()).as(other.toString()).isEqualTo(409);
        assertThat(other.getBody().path("existingRecordId").asString()).isEqualTo(id);
        JsonNode read = http.get(item(id)).getBody();
        assertThat(read.path("identifier").path("system").asString()).isEqualTo("urn:clinic:emr");
        assertThat(read.path("identifier").path("value").asString()).isEqualTo(value);
        awaitEvents(patientId, 1);
        assertNoMoreEventsThan(patientId, 1);

        // and another patient's record under the same identifier is refused without showing the first
        // patient's record among the other's
        String otherPatient = "pt-" + UUID.randomUUID();
        ResponseEntity<JsonNode> otherPatients = http.send(
                "POST",
                api().path(),
                api().validBody().apply(otherPatient).toString(),
                "Record-Identifier",
                identifier);
        assertThat(otherPatients.getStatusCode().value())
                .as(otherPatients.toString())
                .isEqualTo(409);
        assertThat(listing(otherPatient)).isEmpty();
        assertThat(listing(patientId))
                .singleElement()
                .satisfies(record ->
                        assertThat(record.get(api().idField()).asString()).isEqualTo(id));
    }

    /** The patient's records of this kind, as the own API lists them. */
    private List<JsonNode> listing(String patientId) {
        ResponseEntity<JsonNode> listed = http.get("/api/v1/patients/{p}/" + api().collection(), patientId);
        assertThat(listed.getStatusCode().value()).as(listed.toString()).isEqualTo(200);
        List<JsonNode> records = new ArrayList<>();
        listed.getBody().forEach(records::add);
        return records;
    }

    @Test
    void shouldRefuseARecordIdentifierThatIsNotSystemBarValue() {
        String patientId = "pt-" + UUID.randomUUID();

        ResponseEntity<JsonNode> response = http.send(
                "POST", api().path(), api().validBody().apply(patientId).toString(), "Record-Identifier", "no bar");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().toString()).contains("Record-Identifier");
    }

    @Test
    void shouldRefuseAnAmendWithAStaleIfMatch() {
        String patientId = "pt-" + UUID.randomUUID();
        String id = create(patientId, null);
        http.send("PUT", item(id), api().amendedBody().apply(patientId).toString(), "If-Match", "1");

        ResponseEntity<JsonNode> stale =
                http.send("PUT", item(id), api().validBody().apply(patientId).toString(), "If-Match", "1");

        assertThat(stale.getStatusCode().value()).isEqualTo(412);
        assertThat(stale.getBody().get("type").asString()).isEqualTo("https://footdrop.org/problems/stale-revision");
        assertThat(http.get(item(id)).getBody().get("revision").asInt()).isEqualTo(2);
    }

    @Test
    void shouldRequireIfMatchToAmend() {
        String patientId = "pt-" + UUID.randomUUID();
        String id = create(patientId, null);

        ResponseEntity<JsonNode> response =
                http.send("PUT", item(id), api().amendedBody().apply(patientId).toString());

        assertThat(response.getStatusCode().value()).isEqualTo(428);
    }

    @Test
    void shouldLetOnlyOneOfConcurrentAmendsOfOneRevisionWin() throws Exception {
        String patientId = "pt-" + UUID.randomUUID();
        String id = create(patientId, null);
        String amended = api().amendedBody().apply(patientId).toString();
        List<Callable<Integer>> amends = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            amends.add(() -> http.send("PUT", item(id), amended, "If-Match", "1")
                    .getStatusCode()
                    .value());
        }

        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : all(amends)) {
            statuses.add(status.get());
        }

        assertThat(statuses).containsOnly(200, 412).filteredOn(s -> s == 200).hasSize(1);
        assertThat(http.get(item(id)).getBody().get("revision").asInt()).isEqualTo(2);
        assertThat(awaitEvents(patientId, 2))
                .extracting(e -> e.payload().revision())
                .containsExactly(1, 2);
    }

    @Test
    void shouldAnswer404ForAnUnknownRecordAnd409ForAVoidedOne() {
        String patientId = "pt-" + UUID.randomUUID();
        String unknown = UUID.randomUUID().toString();
        assertThat(http.send(
                                "PUT",
                                item(unknown),
                                api().validBody().apply(patientId).toString(),
                                "If-Match",
                                "1")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(http.send("DELETE", item(unknown), "{\"reason\":\"x\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        String id = create(patientId, null);
        http.send("DELETE", item(id), "{\"reason\":\"duplicate entry\"}");

        assertThat(http.send(
                                "PUT",
                                item(id),
                                api().amendedBody().apply(patientId).toString(),
                                "If-Match",
                                "2")
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        assertThat(http.send("DELETE", item(id), "{\"reason\":\"again\"}")
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
    }

    @Test
    void shouldCreateOneRecordAndOneEventForConcurrentRequestsWithOneKey() throws Exception {
        // given
        String patientId = "pt-" + UUID.randomUUID();
        String key = "concurrent-" + UUID.randomUUID();
        String body = api().validBody().apply(patientId).toString();
        List<Callable<ResponseEntity<JsonNode>>> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(() -> http.send("POST", api().path(), body, "Idempotency-Key", key));
        }

        // when
        List<ResponseEntity<JsonNode>> responses = new ArrayList<>();
        for (Future<ResponseEntity<JsonNode>> response : all(requests)) {
            responses.add(response.get());
        }

        // then every caller sees the one record, and one event was published
        assertThat(responses).allMatch(r -> r.getStatusCode().value() == 201);
        assertThat(responses)
                .extracting(r -> r.getBody().get(api().idField()).asString())
                .containsOnly(responses.get(0).getBody().get(api().idField()).asString());
        awaitEvents(patientId, 1);
        assertNoMoreEventsThan(patientId, 1);
    }

    @Test
    void shouldAnswerEveryCopyOfOneKeyedAmendSentAtOnceAsTheOneWritten() throws Exception {
        // a client that retries at once, before its first attempt was answered: one amend, not a 412
        String patientId = "pt-" + UUID.randomUUID();
        String id = create(patientId, null);
        String amended = api().amendedBody().apply(patientId).toString();
        String key = "amend-" + UUID.randomUUID();
        List<Callable<ResponseEntity<JsonNode>>> amends = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            amends.add(() -> http.send("PUT", item(id), amended, "If-Match", "1", "Idempotency-Key", key));
        }

        List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
        for (Future<ResponseEntity<JsonNode>> answer : all(amends)) {
            answers.add(answer.get());
        }

        assertThat(answers).extracting(r -> r.getStatusCode().value()).containsOnly(200);
        assertThat(answers)
                .extracting(ResponseEntity::getBody)
                .containsOnly(answers.get(0).getBody());
        assertThat(answers.get(0).getBody().get("revision").asInt()).isEqualTo(2);
        awaitEvents(patientId, 2);
        assertNoMoreEventsThan(patientId, 2);
    }

    @Test
    void shouldReplayAnAmendRetriedWithTheSameKeyAndRefuseADifferentBody() {
        String patientId = "pt-" + UUID.randomUUID();
        String id = create(patientId, null);
        String amended = api().amendedBody().apply(patientId).toString();

        ResponseEntity<JsonNode> first = http.send("PUT", item(id), amended, "If-Match", "1", "Idempotency-Key", "a-1");
        ResponseEntity<JsonNode> retry = http.send("PUT", item(id), amended, "If-Match", "1", "Idempotency-Key", "a-1");
        ResponseEntity<JsonNode> other = http.send(
                "PUT",
                item(id),
                api().validBody().apply(patientId).toString(),
                "If-Match",
                "2",
                "Idempotency-Key",
                "a-1");

        assertThat(retry.getStatusCode().value()).isEqualTo(200);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(other.getStatusCode().value()).isEqualTo(409);
        awaitEvents(patientId, 2);
        assertNoMoreEventsThan(patientId, 2);
    }

    @Test
    void shouldReplayACreateRetriedWithTheSameKeyAndRefuseADifferentBody() {
        String patientId = "pt-" + UUID.randomUUID();
        String key = "create-" + UUID.randomUUID();
        ResponseEntity<JsonNode> first = http.send(
                "POST", api().path(), api().validBody().apply(patientId).toString(), "Idempotency-Key", key);

        ResponseEntity<JsonNode> retry = http.send(
                "POST", api().path(), api().validBody().apply(patientId).toString(), "Idempotency-Key", key);
        ResponseEntity<JsonNode> other = http.send(
                "POST", api().path(), api().amendedBody().apply(patientId).toString(), "Idempotency-Key", key);

        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(other.getStatusCode().value()).isEqualTo(409);
        awaitEvents(patientId, 1);
        assertNoMoreEventsThan(patientId, 1);
    }

    @ParameterizedTest(name = "stage {0}")
    @ValueSource(ints = {0, 1, 2})
    void shouldEmitEventsShapedLikeTheirGoldenSamples(int stage) {
        // given the golden sample's clinical state, posted (and corrected) through the API
        EventType type = api().lifeEvents().get(stage);
        JsonNode golden = EventJson.mapper().readTree(GoldenSamples.read(type, 1));
        String patientId = "pt-" + UUID.randomUUID();
        JsonNode state = golden.get("payload").get(api().stateField());
        ObjectNode request = state == null ? api().validBody().apply(patientId) : ((ObjectNode) state).deepCopy();
        request.put("patientId", patientId);
        ResponseEntity<JsonNode> created = http.send("POST", api().path(), request.toString());
        assertThat(created.getStatusCode().value()).as(created.toString()).isEqualTo(201);
        String id = created.getBody().get(api().idField()).asString();
        if (stage >= 1) {
            http.send("PUT", item(id), request.toString(), "If-Match", "1");
        }
        if (stage == 2) {
            http.send("DELETE", item(id), "{\"reason\":\"test\"}");
        }

        // when
        JsonNode emitted = awaitEvents(patientId, stage + 1).stream()
                .filter(e -> e.type().equals(type.wireName()))
                .findFirst()
                .map(e -> EventJson.mapper().readTree(codec.encode(e)))
                .orElseThrow();

        // then the same field names and, for states, the same clinical payload
        assertThat(names(emitted)).isEqualTo(names(golden));
        assertThat(names(emitted.get("payload"))).isEqualTo(names(golden.get("payload")));
        if (state != null) {
            assertThat(emitted.get("payload").get(api().stateField())).isEqualTo(state);
        }
    }

    /**
     * The state is stored once: a revision that still has the current state does not repeat it in
     * its history, and an amend writes the state it replaces into the entries that relied on it. So
     * every revision is answered again, as it was, to a retry of the request that wrote it.
     */
    @Test
    void shouldAnswerEveryRevisionAgainAfterLaterAmendsAndAVoid() {
        // given a record created, amended twice, each with its own key
        String patientId = "pt-" + UUID.randomUUID();
        String run = UUID.randomUUID().toString();
        String valid = api().validBody().apply(patientId).toString();
        String amended = api().amendedBody().apply(patientId).toString();
        ResponseEntity<JsonNode> created = http.send("POST", api().path(), valid, "Idempotency-Key", "c-" + run);
        String id = created.getBody().get(api().idField()).asString();
        Document afterCreate = storedRecord(id);
        ResponseEntity<JsonNode> first =
                http.send("PUT", item(id), amended, "If-Match", "1", "Idempotency-Key", "a1-" + run);
        ResponseEntity<JsonNode> second =
                http.send("PUT", item(id), valid, "If-Match", "2", "Idempotency-Key", "a2-" + run);
        Document afterAmends = storedRecord(id);

        // when each request is retried, then the record voided and the void retried
        ResponseEntity<JsonNode> createRetried = http.send("POST", api().path(), valid, "Idempotency-Key", "c-" + run);
        ResponseEntity<JsonNode> firstRetried =
                http.send("PUT", item(id), amended, "If-Match", "1", "Idempotency-Key", "a1-" + run);
        ResponseEntity<JsonNode> secondRetried =
                http.send("PUT", item(id), valid, "If-Match", "2", "Idempotency-Key", "a2-" + run);
        String reason = "{\"reason\":\"entered for the wrong visit\"}";
        ResponseEntity<JsonNode> voided = http.send("DELETE", item(id), reason, "Idempotency-Key", "v-" + run);
        ResponseEntity<JsonNode> voidRetried = http.send("DELETE", item(id), reason, "Idempotency-Key", "v-" + run);

        // then
        assertThat(second.getStatusCode().value()).as(second.toString()).isEqualTo(200);
        assertThat(createRetried.getBody()).isEqualTo(created.getBody());
        assertThat(firstRetried.getBody()).isEqualTo(first.getBody());
        assertThat(secondRetried.getBody()).isEqualTo(second.getBody());
        assertThat(first.getBody()).isNotEqualTo(second.getBody());
        assertThat(voided.getStatusCode().value()).isEqualTo(200);
        assertThat(voidRetried.getStatusCode().value()).isEqualTo(200);
        assertThat(voidRetried.getBody()).isEqualTo(voided.getBody());
        assertThat(http.get(item(id)).getBody()).isEqualTo(voided.getBody());
        // and the stored history repeats only states that were replaced
        assertThat(historyStates(afterCreate)).containsExactly(false);
        assertThat(historyStates(afterAmends)).containsExactly(true, true, false);
        assertThat(historyStates(storedRecord(id))).containsExactly(true, true, false, false);
        awaitEvents(patientId, 4);
        assertNoMoreEventsThan(patientId, 4);
    }

    /**
     * A record in the released shape (each history entry with its state, each outbox entry with all
     * its headers), written straight into the store, is amended, voided and answers retries of each.
     */
    @Test
    void shouldAmendVoidAndReplayARecordStoredInTheReleasedShape() throws Exception {
        // given the released fixture, at revision 2
        Document stored = storeReleasedFixture();
        String id = stored.get("record", Document.class).getString("_id");
        String patientId = stored.get("record", Document.class).getString("patientId");
        assertThat(historyStates(storedRecord(id))).containsExactly(true, true);
        String createBody = stored.getString("createBody");
        String amendBody = stored.getString("amendBody");

        // when amended again, voided, and each request retried
        ResponseEntity<JsonNode> amended =
                http.send("PUT", item(id), createBody, "If-Match", "2", "Idempotency-Key", "again-" + id);
        ResponseEntity<JsonNode> amendedRetried =
                http.send("PUT", item(id), createBody, "If-Match", "2", "Idempotency-Key", "again-" + id);
        ResponseEntity<JsonNode> releasedAmendRetried =
                http.send("PUT", item(id), amendBody, "If-Match", "1", "Idempotency-Key", stored.getString("amendKey"));
        ResponseEntity<JsonNode> createRetried =
                http.send("POST", api().path(), createBody, "Idempotency-Key", stored.getString("createKey"));
        ResponseEntity<JsonNode> voided =
                http.send("DELETE", item(id), "{\"reason\":\"duplicate\"}", "If-Match", "3", "Idempotency-Key", "v");
        ResponseEntity<JsonNode> voidRetried =
                http.send("DELETE", item(id), "{\"reason\":\"duplicate\"}", "Idempotency-Key", "v");

        // then
        assertThat(amended.getStatusCode().value()).as(amended.toString()).isEqualTo(200);
        assertThat(amended.getBody().get("revision").asInt()).isEqualTo(3);
        assertThat(amendedRetried.getBody()).isEqualTo(amended.getBody());
        assertThat(releasedAmendRetried.getBody().toString()).isEqualTo(stored.getString("answered"));
        assertThat(createRetried.getStatusCode().value()).isEqualTo(201);
        assertThat(createRetried.getBody().get("revision").asInt()).isEqualTo(1);
        assertThat(voided.getStatusCode().value()).as(voided.toString()).isEqualTo(200);
        assertThat(voided.getBody().get("revision").asInt()).isEqualTo(4);
        assertThat(voided.getBody().get("status").asString()).isEqualTo("VOIDED");
        assertThat(voidRetried.getBody()).isEqualTo(voided.getBody());
        assertThat(withoutMeta(voided.getBody())).isEqualTo(withoutMeta(amended.getBody()));
        assertThat(historyStates(storedRecord(id))).containsExactly(true, true, false, false);
        // (the fixture's patient may have events of the other released-shape test on the topic)
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> eventsOf(patientId).stream()
                                .filter(e -> e.payload().recordId().toString().equals(id))
                                .map(e -> e.payload().revision())
                                .toList(),
                        revisions -> revisions.containsAll(List.of(3, 4)));
    }

    /** The record's body without what changes from revision to revision. */
    static JsonNode withoutMeta(JsonNode body) {
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.remove(List.of("revision", "status", "amendedAt", "voidedAt"));
        return copy;
    }

    Document storedRecord(String id) {
        return mongo.getCollection(api().collection())
                .find(new Document("_id", id))
                .first();
    }

    static List<Boolean> historyStates(Document record) {
        return record.getList("history", Document.class).stream()
                .map(entry -> entry.containsKey("state"))
                .toList();
    }

    /** The released fixture's record and patient index, written straight into the store. */
    Document storeReleasedFixture() throws Exception {
        Path fixture = Path.of("src/test/resources/stored", api().collection() + ".json");
        assertThat(fixture).as("run once with -Dfootdrop.stored.write=true").exists();
        Document stored = Document.parse(Files.readString(fixture));
        Document record = stored.get("record", Document.class);
        Document index = stored.get("patientIndex", Document.class);
        mongo.getCollection(api().collection()).deleteOne(new Document("_id", record.getString("_id")));
        mongo.getCollection("patient_index").deleteOne(new Document("_id", index.getString("_id")));
        mongo.getCollection(api().collection()).insertOne(record);
        mongo.getCollection("patient_index").insertOne(index);
        return stored;
    }

    /**
     * A record stored by an earlier release, in that release's document shape (created with one
     * Idempotency-Key, amended with another), still reads, lists and answers retries of the requests
     * that wrote it: a change of the request types must never change the storage schema or the
     * fingerprints. The fixture is {@code stored/<collection>.json} in the service's test resources,
     * written once by {@code -Dfootdrop.stored.write=true} and never regenerated to make this pass.
     */
    @Test
    void shouldReadARecordStoredInTheReleasedShapeAndReplayTheRequestsThatWroteIt() throws Exception {
        Path fixture = Path.of("src/test/resources/stored", api().collection() + ".json");
        if (Boolean.getBoolean("footdrop.stored.write")) {
            writeStoredFixture(fixture);
        }
        assertThat(fixture).as("run once with -Dfootdrop.stored.write=true").exists();
        Document stored = Document.parse(Files.readString(fixture));
        Document record = stored.get("record", Document.class);
        Document index = stored.get("patientIndex", Document.class);
        String id = record.getString("_id");
        mongo.getCollection(api().collection()).deleteOne(new Document("_id", id));
        mongo.getCollection("patient_index").deleteOne(new Document("_id", index.getString("_id")));
        mongo.getCollection(api().collection()).insertOne(record);
        mongo.getCollection("patient_index").insertOne(index);
        String answered = stored.getString("answered");

        ResponseEntity<JsonNode> read = http.get(item(id));
        ResponseEntity<JsonNode> createRetried = http.send(
                "POST", api().path(), stored.getString("createBody"), "Idempotency-Key", stored.getString("createKey"));
        ResponseEntity<JsonNode> amendRetried = http.send(
                "PUT",
                item(id),
                stored.getString("amendBody"),
                "If-Match",
                "1",
                "Idempotency-Key",
                stored.getString("amendKey"));
        JsonNode listed = http.get("/api/v1/patients/{p}/" + api().collection(), record.getString("patientId"))
                .getBody();

        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(read.getBody().toString()).isEqualTo(answered);
        assertThat(createRetried.getStatusCode().value())
                .as(createRetried.toString())
                .isEqualTo(201);
        assertThat(createRetried.getBody().get(api().idField()).asString()).isEqualTo(id);
        assertThat(createRetried.getBody().get("revision").asInt()).isEqualTo(1);
        assertThat(amendRetried.getStatusCode().value())
                .as(amendRetried.toString())
                .isEqualTo(200);
        assertThat(amendRetried.getBody().toString()).isEqualTo(answered);
        assertThat(listed).extracting(r -> r.get(api().idField()).asString()).contains(id);
        ResponseEntity<JsonNode> amendedAgain =
                http.send("PUT", item(id), stored.getString("createBody"), "If-Match", "2");
        assertThat(amendedAgain.getStatusCode().value())
                .as(amendedAgain.toString())
                .isEqualTo(200);
        assertThat(amendedAgain.getBody().get("revision").asInt()).isEqualTo(3);
    }

    private void writeStoredFixture(Path fixture) throws Exception {
        String patientId = "pt-stored-" + api().collection();
        String createKey = "stored-create-" + api().collection();
        String amendKey = "stored-amend-" + api().collection();
        String createBody = api().validBody().apply(patientId).toString();
        String amendBody = api().amendedBody().apply(patientId).toString();
        String id = http.send("POST", api().path(), createBody, "Idempotency-Key", createKey)
                .getBody()
                .get(api().idField())
                .asString();
        http.send("PUT", item(id), amendBody, "If-Match", "1", "Idempotency-Key", amendKey);
        Document record = mongo.getCollection(api().collection())
                .find(new Document("_id", id))
                .first();
        Document index = mongo.getCollection("patient_index")
                .find(new Document("_id", api().collection() + ":" + patientId))
                .first();
        Document fixtureDocument = new Document("record", record)
                .append("patientIndex", index)
                .append("createKey", createKey)
                .append("createBody", createBody)
                .append("amendKey", amendKey)
                .append("amendBody", amendBody)
                .append("answered", http.get(item(id)).getBody().toString());
        Files.createDirectories(fixture.getParent());
        Files.writeString(
                fixture,
                fixtureDocument.toJson(JsonWriterSettings.builder()
                        .outputMode(JsonMode.EXTENDED)
                        .indent(true)
                        .build()));
    }

    static List<String> names(JsonNode node) {
        return node.propertyNames().stream().sorted().toList();
    }

    protected String create(String patientId, String key) {
        ResponseEntity<JsonNode> response = http.send(
                "POST", api().path(), api().validBody().apply(patientId).toString(), "Idempotency-Key", key);
        assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(201);
        return response.getBody().get(api().idField()).asString();
    }

    protected String item(String id) {
        return api().path() + "/" + id;
    }

    protected List<EventEnvelope> awaitEvents(String patientId, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(patientId), e -> e.size() >= count);
    }

    void assertNoMoreEventsThan(String patientId, int count) {
        await().pollDelay(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(eventsOf(patientId)).hasSize(count));
    }

    protected List<EventEnvelope> eventsOf(String patientId) {
        return topic.poll().stream()
                .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals(patientId))
                .map(ConsumerRecord::value)
                .map(codec::decode)
                .toList();
    }

    static <T> List<Future<T>> all(List<Callable<T>> tasks) throws InterruptedException {
        var pool = Executors.newFixedThreadPool(tasks.size());
        try {
            return pool.invokeAll(tasks);
        } finally {
            pool.shutdown();
        }
    }
}
