package org.footdrop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.footdrop.contract.EventJson;
import org.footdrop.contract.EventType;
import org.footdrop.contract.GoldenSamples;
import org.footdrop.contract.Topics;
import org.footdrop.stack.MongoStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fault-injection suite: things are broken on purpose under a steady clinical load, and after
 * each scenario the outcomes projection must equal what the ledger of 2xx writes implies (nothing
 * lost, nothing counted twice), with exactly the poisoned records on the DLQ. The short version
 * runs in the test suite; {@code ./run-reliability.sh} runs the long one and writes docs/reliability.md.
 */
@Tag("system")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityTest {

    static final boolean LONG = Boolean.getBoolean("footdrop.reliability.long");
    static final Duration SETTLE = Duration.ofMinutes(3);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path data;

    static RunningSystem system;
    static final Ledger ledger = new Ledger();
    static final String run = UUID.randomUUID().toString().substring(0, 8);
    static final List<String> report = new ArrayList<>();
    static final List<String> poisonKeys = new ArrayList<>();
    static int kills;

    @BeforeAll
    static void startSystem() throws Exception {
        // with the FHIR facade, whose endpoint R6's hostile input reaches too
        system = RunningSystem.startWithFhir(data, Map.of());
    }

    @AfterAll
    static void stopSystemAndReport() throws Exception {
        if (system != null) {
            system.close();
        }
        if (!report.isEmpty()) {
            ReliabilityReport.write(report, LONG, kills, ledger.writes());
        }
    }

    @Test
    @Order(1)
    void r1ServicesKilledAndRestartedUnderLoad() throws Exception {
        int rounds = LONG ? 12 : 3;
        List<String> victims = List.of("intake", "treatment", "outcomes");
        Instant start = Instant.now();
        int writesBefore = ledger.writes();
        int errors;
        try (ClinicalLoad load = new ClinicalLoad(system, ledger, run + "-r1", 2)) {
            Thread.sleep(3_000);
            for (int i = 0; i < rounds; i++) {
                String victim = victims.get(i % victims.size());
                system.kill(victim);
                kills++;
                Thread.sleep(1_000);
                system.restart(victim);
                Thread.sleep(LONG ? 5_000 : 2_000);
            }
            load.close();
            assertThat(load.failures()).isEmpty();
            errors = load.serverErrors();
        }
        settleAndRecord(
                "R1 crash: SIGKILL " + rounds + " times (intake, treatment, outcomes in turn), restart",
                start,
                writesBefore,
                errors,
                "outcomes");
    }

    @Test
    @Order(2)
    void r2BrokerOutageUnderLoad() throws Exception {
        Duration outage = LONG ? Duration.ofSeconds(30) : Duration.ofSeconds(10);
        Instant start = Instant.now();
        int writesBefore = ledger.writes();
        int errors;
        try (ClinicalLoad load = new ClinicalLoad(system, ledger, run + "-r2", 2)) {
            Thread.sleep(2_000);
            system.stopBroker();
            int duringOutage = ledger.writes();
            Thread.sleep(outage.toMillis());
            assertThat(ledger.writes())
                    .as("writes accepted while the broker is away")
                    .isGreaterThan(duringOutage);
            system.startBroker();
            Thread.sleep(2_000);
            load.close();
            assertThat(load.failures()).isEmpty();
            errors = load.serverErrors();
        }
        assertThat(errors)
                .as("5xx while the broker was away (the outbox holds events)")
                .isZero();
        settleAndRecord(
                "R2 broker outage: Kafka stopped " + outage.toSeconds() + " s under load",
                start,
                writesBefore,
                errors,
                "outcomes");
    }

    @Test
    @Order(3)
    void r3StoreOutageUnderLoad() throws Exception {
        Instant start = Instant.now();
        int writesBefore = ledger.writes();
        int errors;
        try (ClinicalLoad load = new ClinicalLoad(system, ledger, run + "-r3", 2)) {
            Thread.sleep(2_000);
            system.stopStore();
            Thread.sleep(LONG ? 20_000 : 8_000);
            system.startStore();
            Thread.sleep(2_000);
            load.close();
            assertThat(load.failures()).isEmpty();
            errors = load.serverErrors();
        }
        settleAndRecord(
                "R3 store outage: the MongoDB-wire store stopped " + (LONG ? 20 : 8)
                        + " s under load (writes answered 503 and retried by the client)",
                start,
                writesBefore,
                errors,
                "outcomes");
        assertThat(deadLetters().keySet()).as("no good record on the DLQ").allMatch(poisonKeys::contains);
    }

    @Test
    @Order(4)
    void r5PoisonGoesToTheDeadLetterTopicAndTheRecordsBehindAreProjected() throws Exception {
        Instant start = Instant.now();
        String good = GoldenSamples.read(EventType.DIAGNOSIS_RECORDED, 1);
        // each poison record is otherwise a good event of its patient, so fixing its one fault fixes it
        Map<String, java.util.function.Function<String, String>> poison = new LinkedHashMap<>();
        poison.put("UNPARSEABLE", key -> "{this is not json");
        poison.put("UNSUPPORTED_VERSION", key -> withField(withPatient(good, key), "schemaVersion", 99));
        poison.put("UNKNOWN_TYPE", key -> withField(withPatient(good, key), "type", "intake.something-new"));
        poison.put("TOO_LARGE", key -> withField(withPatient(good, key), "padding", "x".repeat(70_000)));
        Map<String, String> expectedReasons = new HashMap<>();
        List<String> behind = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer()) {
            for (var entry : poison.entrySet()) {
                String key = "pt-poison-" + run + "-" + entry.getKey().toLowerCase();
                poisonKeys.add(key);
                expectedReasons.put(key, entry.getKey());
                producer.send(new ProducerRecord<>(
                                Topics.INTAKE_EVENTS, key, entry.getValue().apply(key)))
                        .get();
                // a good event for the same patient right behind it, on the same partition
                producer.send(new ProducerRecord<>(Topics.INTAKE_EVENTS, key, withPatient(good, key)))
                        .get();
                behind.add(key);
            }
        }
        Map<String, String> dead = await().atMost(Duration.ofSeconds(60))
                .until(ReliabilityTest::deadLetters, d -> d.keySet().containsAll(expectedReasons.keySet()));
        assertThat(dead).isEqualTo(expectedReasons);
        for (String key : behind) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                HttpResponse<String> outcome = system.read("outcomes", "/api/v1/patients/" + key + "/outcomes");
                return outcome != null && outcome.statusCode() == 200;
            });
        }
        String dlqCounters = system.send("GET", "outcomes", "/actuator/prometheus", null, "ops")
                .body();
        for (String reason : poison.keySet()) {
            assertThat(dlqCounters)
                    .contains("footdrop_dlq_records_total{application=\"outcomes-service\",reason=\"" + reason
                            + "\",topic=\"intake.events.v1\"} 1.0");
        }

        // the size limit is raised (the cause fixed), and an admin re-drives the large record
        String large = "pt-poison-" + run + "-too_large";
        system.kill("outcomes");
        kills++;
        system.restart("outcomes", Map.of("FOOTDROP_EVENTS_MAX_BYTES", "262144"));
        JsonNode letter = null;
        for (JsonNode each : EventJson.mapper()
                .readTree(system.send("GET", "outcomes", "/api/v1/admin/dead-letters", null, "admin")
                        .body())) {
            if (large.equals(each.path("patientId").asString())) {
                letter = each;
            }
        }
        assertThat(letter).isNotNull();
        String redrive = "/api/v1/admin/dead-letters/" + letter.get("partition").asInt() + "/"
                + letter.get("offset").asLong() + "/redrives";
        assertThat(system.send("POST", "outcomes", redrive, null, "admin").statusCode())
                .isEqualTo(201);
        assertThat(system.send("POST", "outcomes", redrive, null, "admin").statusCode())
                .as("a second re-drive")
                .isEqualTo(409);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> EventJson.mapper()
                                .readTree(system.read("outcomes", "/api/v1/patients/" + large + "/outcomes")
                                        .body())
                                .path("appliedEvents")
                                .asInt()
                        == 2);
        JsonNode remembered = null;
        for (JsonNode each : EventJson.mapper()
                .readTree(system.send("GET", "outcomes", "/api/v1/admin/dead-letters", null, "admin")
                        .body())) {
            if (large.equals(each.path("patientId").asString())) {
                remembered = each;
            }
        }
        assertThat(remembered.path("redrive").path("by").asString()).isEqualTo("admin");
        report.add(row(
                "R5 poison: malformed JSON, schema version 99, 70 KB record, unknown type put on the topic; "
                        + "the size limit raised and the large record re-driven",
                start,
                0,
                0,
                0,
                0,
                Duration.ZERO,
                "DLQ holds exactly the 4, each with its reason; the records behind them projected; the re-driven "
                        + "record projected once, remembered as re-driven (a second re-drive refused)"));
    }

    @Test
    @Order(5)
    void r4ReplayFromTheBeginningChangesNothing() throws Exception {
        Instant start = Instant.now();
        Map<String, JsonNode> before = snapshot("outcomes");
        system.kill("outcomes");
        kills++;
        resetConsumerGroup();
        system.restart("outcomes");
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(ReliabilityTest::caughtUp);
        Map<String, JsonNode> after = snapshot("outcomes");
        assertThat(after).isEqualTo(before);
        // a patient's events republished in reverse order across both topics project to the same outcome
        Ledger.Patient sample = ledger.patients().stream()
                .filter(p -> p.patientId.contains("-r1-"))
                .findFirst()
                .orElseThrow();
        String twin = "pt-shuffled-" + run;
        republishReversed(sample.patientId, twin);
        JsonNode original = withoutVolatile(EventJson.mapper()
                .readTree(system.read("outcomes", "/api/v1/patients/" + sample.patientId + "/outcomes")
                        .body()));
        JsonNode shuffled = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            HttpResponse<String> r = system.read("outcomes", "/api/v1/patients/" + twin + "/outcomes");
                            return r == null || r.statusCode() != 200
                                    ? null
                                    : withoutVolatile(EventJson.mapper().readTree(r.body()));
                        },
                        r -> r != null && r.path("appliedEvents").asInt() == sample.events.get());
        ((ObjectNode) shuffled).put("patientId", sample.patientId);
        assertThat(shuffled).isEqualTo(original);
        report.add(row(
                "R4 redelivery: consumer group reset to the beginning and everything replayed; one patient's "
                        + "events republished reversed across both topics",
                start,
                0,
                0,
                0,
                0,
                Duration.between(start, Instant.now()),
                before.size() + " projections unchanged"));
    }

    @Test
    @Order(6)
    void r6HostileInputIsRefusedWithoutHarm() throws Exception {
        int requests = LONG ? 10_000 : 1_000;
        Instant start = Instant.now();
        HostileRequests hostile = new HostileRequests(42);
        int serverErrors = 0;
        List<String> notProblems = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < requests; i++) {
            HostileRequests.Request request = hostile.next();
            HttpResponse<String> response =
                    system.send(request.method(), request.service(), request.path(), request.body(), "clinical-writer");
            if (response.statusCode() >= 500) {
                serverErrors++;
            } else if (response.statusCode() < 400) {
                accepted++;
            } else if (!response.headers()
                    .firstValue("Content-Type")
                    .orElse("")
                    .startsWith("application/problem+json")) {
                notProblems.add(response.statusCode() + " " + request.path());
            }
        }
        assertThat(serverErrors).as("5xx answers").isZero();
        assertThat(accepted).as("hostile requests accepted").isZero();
        assertThat(notProblems).as("rejections not in problem+json").isEmpty();
        for (String service : List.of("intake", "treatment")) {
            assertThat(system.send("GET", service, "/actuator/health/readiness", null, null)
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(topicKeys()).as("events of hostile requests").noneMatch(key -> key.startsWith("pt-hostile-"));
        report.add(row(
                "R6 hostile input: " + requests + " generated requests with a clinical-writer token",
                start,
                0,
                0,
                0,
                serverErrors,
                Duration.ZERO,
                "all refused with problem+json, nothing stored, services ready"));
        fhirHostileInput();
    }

    /**
     * Issue 21's hostile FHIR input, each about an existing Patient: answered with an OperationOutcome and
     * its status, and nothing written: no event on the topics, no Patient in the facade's store.
     */
    private void fhirHostileInput() throws Exception {
        Instant start = Instant.now();
        String prefix = "pt-hostile-fhir-" + run + "-";
        HttpResponse<String> subject = system.send(
                "POST", "fhir", "/fhir/Patient", HostileRequests.fhirPatient(prefix + "subject"), "clinical-writer");
        assertThat(subject.statusCode()).as(subject.body()).isEqualTo(201);
        String location = subject.headers().firstValue("Location").orElseThrow();
        String fhirId = location.replaceFirst(".*/Patient/", "").replaceFirst("/_history/.*", "");
        List<String> wrong = new ArrayList<>();
        List<HostileRequests.FhirRequest> requests = HostileRequests.fhir(fhirId, prefix);
        for (HostileRequests.FhirRequest request : requests) {
            int eventsBefore = topicKeys().size();
            HttpResponse<String> response = request.chunked()
                    ? system.postChunked("fhir", request.path(), request.body(), "clinical-writer")
                    : system.send("POST", "fhir", request.path(), request.body(), "clinical-writer");
            String resourceType = "";
            try {
                resourceType = EventJson.mapper()
                        .readTree(response.body())
                        .path("resourceType")
                        .asString("");
            } catch (RuntimeException e) {
                // not JSON: reported below as not an OperationOutcome
            }
            if (response.statusCode() != request.status() || !resourceType.equals("OperationOutcome")) {
                wrong.add(request.what() + ": " + response.statusCode() + " " + resourceType);
            }
            if (topicKeys().size() != eventsBefore) {
                wrong.add(request.what() + ": events written");
            }
        }
        // the facade's Patient ids are name-based UUIDs of the patientId (FhirPatient.fhirId): none of these exist
        for (String patientId : List.of(prefix + "batch-0", prefix + "batch-9999", prefix + "wrong")) {
            String id = UUID.nameUUIDFromBytes(("patient\n" + patientId).getBytes(StandardCharsets.UTF_8))
                    .toString();
            assertThat(system.send("GET", "fhir", "/fhir/Patient/" + id, null, "clinician")
                            .statusCode())
                    .as("Patient " + patientId + " of a refused request")
                    .isEqualTo(404);
        }
        // the id rule above is the facade's: its subject, created through it, is found by it
        String subjectId = UUID.nameUUIDFromBytes(("patient\n" + prefix + "subject").getBytes(StandardCharsets.UTF_8))
                .toString();
        assertThat(subjectId).isEqualTo(fhirId);
        assertThat(wrong).as("FHIR requests answered wrongly or half-written").isEmpty();
        assertThat(system.send("GET", "fhir", "/actuator/health/readiness", null, null)
                        .statusCode())
                .isEqualTo(200);
        report.add(row(
                "R6 hostile FHIR input: " + requests.size() + " requests (malformed JSON, wrong resource type,"
                        + " unknown code, missing element, clinic rule broken, 10,000-entry batch, 10 MB body with"
                        + " and without a length)",
                start,
                0,
                0,
                0,
                0,
                Duration.ZERO,
                "each an OperationOutcome with its status, nothing written, facade ready"));
    }

    @Test
    @Order(7)
    void r7TwoOutcomesInstancesOneKilledMidStream() throws Exception {
        Instant start = Instant.now();
        int writesBefore = ledger.writes();
        system.startAnotherOutcomes("outcomes-2");
        int errors;
        try (ClinicalLoad load = new ClinicalLoad(system, ledger, run + "-r7", 2)) {
            Thread.sleep(LONG ? 15_000 : 6_000);
            system.kill("outcomes");
            kills++;
            Thread.sleep(LONG ? 15_000 : 6_000);
            load.close();
            assertThat(load.failures()).isEmpty();
            errors = load.serverErrors();
        }
        settleAndRecord(
                "R7 scale-out: two outcomes-service instances in one group over 6 partitions per topic, "
                        + "one SIGKILLed mid-stream",
                start,
                writesBefore,
                errors,
                "outcomes-2");
    }

    @Test
    @Order(8)
    void r3StoreProcessKilledLosesOnlyTheCommitWindow(@TempDir Path storeCrash) throws Exception {
        Instant start = Instant.now();
        Ledger crashLedger = new Ledger();
        long killedAt;
        int errors;
        try (RunningSystem crashing = RunningSystem.start(storeCrash, Map.of(), true)) {
            try (ClinicalLoad load = new ClinicalLoad(crashing, crashLedger, run + "-r3b", 2, true)) {
                Thread.sleep(LONG ? 15_000 : 6_000);
                crashing.killStore();
                killedAt = System.nanoTime();
                kills++;
                Thread.sleep(3_000);
                crashing.startStore();
                Thread.sleep(4_000);
                load.close();
                assertThat(load.failures()).isEmpty();
                errors = load.serverErrors();
            }
            // every acknowledged write, looked up in the store of the service that acknowledged it
            List<Ledger.Ack> lost = new ArrayList<>();
            for (Ledger.Ack ack : crashLedger.acks()) {
                HttpResponse<String> found = crashing.read(ack.service(), ack.recordPath());
                if (found == null
                        || found.statusCode() != 200
                        || EventJson.mapper()
                                        .readTree(found.body())
                                        .path("revision")
                                        .asInt()
                                < ack.revision()) {
                    lost.add(ack);
                }
            }
            long oldestLostMillis = lost.stream()
                    .mapToLong(a -> (killedAt - a.atNanos()) / 1_000_000)
                    .max()
                    .orElse(0);
            LedgerCheck.Settled settled =
                    LedgerCheck.awaitSettled(crashing, crashLedger, "outcomes", Duration.ofSeconds(30));
            report.add(row(
                    "R3 store crash: the store's own JVM SIGKILLed under load, restarted on its data",
                    start,
                    crashLedger.writes(),
                    lost.size(),
                    settled.result().duplicated(),
                    errors,
                    settled.took(),
                    lost.size() + " acknowledged writes lost, each acknowledged at most " + oldestLostMillis
                            + " ms before the kill (commit window " + MongoStore.AUTO_COMMIT_DELAY_MS + " ms); "
                            + (settled.result().settled()
                                    ? "projection equals the ledger"
                                    : settled.result().mismatches().size() + " patients' projections differ from "
                                            + "the ledger (updates inside the window)")));
            assertThat(oldestLostMillis)
                    .as("a lost write acknowledged long before the crash")
                    .isLessThan(1_000);
        }
    }

    private static void settleAndRecord(
            String scenario, Instant start, int writesBefore, int serverErrors, String outcomesInstance)
            throws InterruptedException {
        LedgerCheck.Settled settled = LedgerCheck.awaitSettled(system, ledger, outcomesInstance, SETTLE);
        LedgerCheck.Result result = settled.result();
        report.add(row(
                scenario,
                start,
                ledger.writes() - writesBefore,
                result.lost(),
                result.duplicated(),
                serverErrors,
                settled.took(),
                result.settled()
                        ? "projection equals the ledger (" + result.patients() + " patients)"
                        : result.mismatches().size() + " mismatches"));
        assertThat(result.mismatches()).as(scenario).isEmpty();
    }

    private static String row(
            String scenario,
            Instant start,
            int writes,
            int lost,
            int duplicated,
            int serverErrors,
            Duration settle,
            String outcome) {
        return "| " + scenario + " | " + Duration.between(start, Instant.now()).toSeconds() + " s | " + writes + " | "
                + lost + " | " + duplicated + " | " + serverErrors + " | " + settle.toMillis() / 1000.0 + " s | "
                + outcome + " |";
    }

    private static Map<String, JsonNode> snapshot(String instance) {
        Map<String, JsonNode> snapshot = new LinkedHashMap<>();
        for (Ledger.Patient patient : ledger.patients()) {
            snapshot.put(
                    patient.patientId,
                    withoutVolatile(EventJson.mapper()
                            .readTree(system.read(instance, "/api/v1/patients/" + patient.patientId + "/outcomes")
                                    .body())));
        }
        return snapshot;
    }

    private static JsonNode withoutVolatile(JsonNode outcome) {
        ObjectNode copy = (ObjectNode) outcome.deepCopy();
        copy.remove("asOf");
        return copy;
    }

    private static Properties kafka() {
        return system.kafkaClient();
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(kafka(), new StringSerializer(), new StringSerializer());
    }

    private static String withField(String json, String field, Object value) {
        ObjectNode node = (ObjectNode) EventJson.mapper().readTree(json);
        node.set(field, EventJson.mapper().valueToTree(value));
        node.put("eventId", UUID.randomUUID().toString());
        return node.toString();
    }

    private static String withPatient(String json, String patientId) {
        ObjectNode node = (ObjectNode) EventJson.mapper().readTree(json);
        node.put("patientId", patientId);
        node.put("eventId", UUID.randomUUID().toString());
        return node.toString();
    }

    /** The DLQ's records: key to the reason in their header. */
    static Map<String, String> deadLetters() {
        Map<String, String> reasons = new HashMap<>();
        for (ConsumerRecord<String, String> record : readAll(List.of(Topics.OUTCOMES_DLQ))) {
            var header = record.headers().lastHeader("footdrop-dlq-reason");
            reasons.put(record.key(), header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8));
        }
        return reasons;
    }

    private static List<String> topicKeys() {
        return readAll(List.of(Topics.INTAKE_EVENTS, Topics.TREATMENT_EVENTS)).stream()
                .map(ConsumerRecord::key)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private static List<ConsumerRecord<String, String>> readAll(List<String> topics) {
        return system.readAll(topics);
    }

    private static void resetConsumerGroup() throws Exception {
        try (Admin admin = Admin.create(kafka())) {
            Map<TopicPartition, OffsetAndMetadata> beginning = new HashMap<>();
            for (String topic : List.of(Topics.INTAKE_EVENTS, Topics.TREATMENT_EVENTS)) {
                for (int p = 0; p < Topics.PARTITIONS; p++) {
                    beginning.put(new TopicPartition(topic, p), new OffsetAndMetadata(0));
                }
            }
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets("outcomes-service", beginning)
                        .all()
                        .get();
                return true;
            });
        }
    }

    private static boolean caughtUp() throws Exception {
        try (Admin admin = Admin.create(kafka())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("outcomes-service")
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            return committed.size() == 2 * Topics.PARTITIONS
                    && committed.entrySet().stream()
                            .allMatch(e -> e.getValue().offset()
                                    >= ends.get(e.getKey()).offset());
        }
    }

    /** The patient's events under a new patientId and event ids, newest first, each to its own topic. */
    private static void republishReversed(String patientId, String twin) throws Exception {
        List<ConsumerRecord<String, String>> events =
                new ArrayList<>(readAll(List.of(Topics.INTAKE_EVENTS, Topics.TREATMENT_EVENTS)).stream()
                        .filter(r -> patientId.equals(r.key()))
                        .toList());
        java.util.Collections.reverse(events);
        try (KafkaProducer<String, String> producer = producer()) {
            for (ConsumerRecord<String, String> event : events) {
                producer.send(new ProducerRecord<>(event.topic(), twin, withPatient(event.value(), twin)))
                        .get();
            }
        }
    }

    static Path repo() {
        return RunningSystem.repoRoot();
    }
}
