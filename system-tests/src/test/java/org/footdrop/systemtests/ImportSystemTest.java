package org.footdrop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.BufferedWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.footdrop.contract.EventJson;
import org.footdrop.contract.Topics;
import org.footdrop.stack.ImportClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A 20,000-line history imported while intake-service is SIGKILLed mid-job: after its restart the
 * job resumes from its last checkpoint and every line is in the store and on the topic exactly once.
 */
@Tag("system")
class ImportSystemTest {

    static final int PATIENTS = 2_000;
    static final int ASSESSMENTS_PER_PATIENT = 5;
    static final int INJECTIONS_PER_PATIENT = 3;

    @TempDir
    static Path data;

    static RunningSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        // small batches, so the job is still running when it is killed; the runs on the data disk
        system = RunningSystem.start(
                data,
                Map.of(
                        "FOOTDROP_IMPORT_BATCH_SIZE",
                        "50",
                        "FOOTDROP_IMPORT_DIRECTORY",
                        data.resolve("imports").toString()));
    }

    @AfterAll
    static void stopSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void shouldResumeAnImportCutOffByAKillWithNothingLostOrDoubled() throws Exception {
        Path file = history(data.resolve("history.ndjson"));
        ImportClient intake = client("intake");
        ImportClient treatment = client("treatment");
        CompletableFuture<ImportClient.Job> treatmentJob = CompletableFuture.supplyAsync(() -> {
            var started = treatment.start(file, "urn:test:history", bytes -> {});
            return treatment.await(started.location(), Duration.ofMillis(500), job -> {});
        });
        ImportClient.Job started = intake.start(file, "urn:test:history", bytes -> {});

        ImportClient.Job cutOff = awaitProgress(intake, started.location());
        system.kill("intake");
        system.restart("intake");
        ImportClient.Job done = intake.await(started.location(), Duration.ofMillis(500), job -> {});

        int intakeLines = PATIENTS * (1 + ASSESSMENTS_PER_PATIENT);
        assertThat(cutOff.status()).isEqualTo("RUNNING");
        assertThat(cutOff.number("processed")).isPositive().isLessThan(intakeLines);
        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(Files.readString(system.log("intake-service")))
                .contains("Resuming import job " + done.state().get("jobId").asString());
        assertThat(done.number("accepted")).isEqualTo(intakeLines);
        assertThat(done.number("alreadyPresent")).isZero();
        assertThat(done.number("refused")).isZero();
        assertThat(treatmentJob.get().number("accepted")).isEqualTo((long) PATIENTS * (INJECTIONS_PER_PATIENT + 1));
        try (MongoClient mongo = MongoClients.create(system.ports.mongoUri())) {
            var database = mongo.getDatabase("footdrop_intake");
            assertThat(database.getCollection("diagnoses").countDocuments()).isEqualTo(PATIENTS);
            assertThat(database.getCollection("assessments").countDocuments())
                    .isEqualTo((long) PATIENTS * ASSESSMENTS_PER_PATIENT);
            assertThat(database.getCollection("assessments")
                            .find(new Document(
                                    "importJob", done.state().get("jobId").asString()))
                            .into(new java.util.ArrayList<>()))
                    .hasSize(PATIENTS * ASSESSMENTS_PER_PATIENT);
        }
        String job = done.state().get("jobId").asString();
        Map<String, Long> recordsPerType = org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(2))
                .until(
                        () -> importedRecordsByType(job),
                        counts -> counts.values().stream()
                                        .mapToLong(Long::longValue)
                                        .sum()
                                >= intakeLines);
        // every record's event once: one distinct record per line, of each type
        assertThat(recordsPerType)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "intake.diagnosis-recorded",
                        (long) PATIENTS,
                        "intake.assessment-recorded",
                        (long) PATIENTS * ASSESSMENTS_PER_PATIENT));
    }

    /** Distinct records per event type among the events the job published (a re-sent event counts once). */
    private static Map<String, Long> importedRecordsByType(String job) {
        List<ConsumerRecord<String, String>> records = system.readAll(List.of(Topics.INTAKE_EVENTS));
        Map<String, Set<String>> ids = records.stream()
                .map(r -> EventJson.mapper().readTree(r.value()))
                .filter(e -> e.path("importJob").isString()
                        && job.equals(e.get("importJob").asString()))
                .collect(Collectors.groupingBy(
                        e -> e.get("type").asString(),
                        Collectors.mapping(ImportSystemTest::recordId, Collectors.toSet())));
        return ids.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e ->
                (long) e.getValue().size()));
    }

    private static String recordId(JsonNode event) {
        JsonNode payload = event.get("payload");
        return payload.has("diagnosisId")
                ? payload.get("diagnosisId").asString()
                : payload.get("assessmentId").asString();
    }

    private static ImportClient.Job awaitProgress(ImportClient client, URI location) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            ImportClient.Job job = client.follow(location);
            if (job.finished() || job.number("processed") >= 500) {
                return job;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the import made no progress in 60 s");
    }

    private static ImportClient client(String service) {
        return new ImportClient(
                URI.create("http://localhost:" + system.port(service)), () -> system.token("clinical-writer"));
    }

    /** Each patient: a diagnosis, assessments and injections, the lines shuffled by a fixed rule. */
    private static Path history(Path file) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            // 2,000 patients x (diagnosis, 5 assessments, 3 injections, a therapy) = 20,000 lines
            for (int round = 0; round < 2 + ASSESSMENTS_PER_PATIENT + INJECTIONS_PER_PATIENT; round++) {
                for (int p = 0; p < PATIENTS; p++) {
                    String patient = "pt-hist-%05d".formatted(p);
                    if (round == 0) {
                        out.write(
                                ("{\"kind\":\"diagnosis\",\"key\":\"d-%d\",\"body\":{\"patientId\":\"%s\",\"side\":\"LEFT\","
                                                + "\"diagnosisDate\":\"2024-01-10\",\"symptomOnsetDate\":\"2024-01-02\","
                                                + "\"causeCategory\":\"FIBULAR_NERVE_AT_KNEE\"}}")
                                        .formatted(p, patient));
                    } else if (round <= ASSESSMENTS_PER_PATIENT) {
                        out.write(("{\"kind\":\"assessment\",\"key\":\"a-%d-%d\",\"body\":{\"patientId\":\"%s\","
                                        + "\"assessedAt\":\"2024-0%d-15T09:00:00Z\",\"kind\":\"FOLLOW_UP\",\"side\":\"LEFT\","
                                        + "\"measures\":{\"mrcAnkleDorsiflexion\":\"%d\"}}}")
                                .formatted(p, round, patient, round + 1, Math.min(5, round + 1)));
                    } else if (round == 1 + ASSESSMENTS_PER_PATIENT + INJECTIONS_PER_PATIENT) {
                        out.write(("{\"kind\":\"therapy\",\"key\":\"t-%d\",\"body\":{\"patientId\":\"%s\","
                                        + "\"type\":\"PHYSICAL_THERAPY\",\"startDate\":\"2024-02-01\","
                                        + "\"sessionsPerWeek\":2,\"plannedWeeks\":8}}")
                                .formatted(p, patient));
                    } else {
                        int n = round - ASSESSMENTS_PER_PATIENT;
                        out.write(("{\"kind\":\"injection\",\"key\":\"i-%d-%d\",\"body\":{\"patientId\":\"%s\","
                                        + "\"administeredAt\":\"2024-0%d-20T10:00:00Z\",\"technique\":\"NERVE_HYDRODISSECTION\","
                                        + "\"target\":\"FIBULAR_NERVE\",\"side\":\"LEFT\",\"guidance\":\"ULTRASOUND\","
                                        + "\"solution\":\"DEXTROSE_5\",\"volumeMl\":10.0,\"durationMinutes\":30}}")
                                .formatted(p, n, patient, n + 1));
                    }
                    out.write('\n');
                }
            }
        }
        return file;
    }
}
