package org.footdrop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.footdrop.contract.EventJson;
import org.footdrop.contract.Topics;
import org.footdrop.stack.ImportClient;
import org.footdrop.stack.SyntheticHistory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A bulk import cut off by a store outage: the real MongoDB-wire store is stopped mid-job, long
 * enough for the importer to give up on it, and started again. The job then reads FAILED with its
 * reason; the same file uploaded again completes it, every line stored once and every stored
 * record's event on the topic, nothing written by halves. A system of its own: the store's
 * collections are counted whole, which other import tests would share.
 */
@Tag("system")
class ImportStoreOutageSystemTest {

    static final int PATIENTS = 500;
    static final String JOB_SYSTEM = "urn:test:outage";

    @TempDir
    static Path data;

    static RunningSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        // small batches, so the job is still running when the store goes
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
    void shouldFailAJobCutOffByAStoreOutageAndCompleteItWhenUploadedAgainWithEveryLineOnce() throws Exception {
        // given an intake import under way
        Path file = SyntheticHistory.write(data.resolve("outage.ndjson"), PATIENTS, "pt-out-");
        long intakeLines = (long) PATIENTS * SyntheticHistory.INTAKE_LINES_PER_PATIENT;
        ImportClient intake = new ImportClient(
                URI.create("http://localhost:" + system.port("intake")), () -> system.token("clinical-writer"));
        URI first = intake.start(file, JOB_SYSTEM, bytes -> {}).location();
        ImportClient.Job underWay = await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> intake.follow(first), job -> job.finished() || job.number("processed") >= intakeLines / 4);
        assertThat(underWay.status()).isEqualTo("RUNNING");
        String firstJob = underWay.state().get("jobId").asString();

        // when the store stops until the importer has given up on it, then starts again on its data
        system.stopStore();
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Files.readString(system.log("intake-service"))
                        .contains("Import job " + firstJob + " stopped: the store is unreachable"));
        system.startStore();

        // then the job reads FAILED, with a reason that says what to do
        ImportClient.Job failed = await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> intake.follow(first), ImportClient.Job::finished);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.failure()).contains("store could not be reached").contains("Upload the file again");
        assertThat(failed.number("accepted")).isPositive().isLessThan(intakeLines);

        // and the same file uploaded again completes it: what the first job stored is already present
        URI second = intake.start(file, JOB_SYSTEM, bytes -> {}).location();
        ImportClient.Job done = await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> intake.follow(second), ImportClient.Job::finished);
        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.number("refused")).isZero();
        assertThat(done.number("accepted") + done.number("alreadyPresent")).isEqualTo(intakeLines);
        assertThat(done.number("alreadyPresent")).isGreaterThanOrEqualTo(failed.number("accepted"));

        // every line stored once
        try (MongoClient mongo = MongoClients.create(system.ports.mongoUri())) {
            var store = mongo.getDatabase("footdrop_intake");
            assertThat(store.getCollection("diagnoses").countDocuments()).isEqualTo(PATIENTS);
            assertThat(store.getCollection("assessments").countDocuments())
                    .isEqualTo((long) PATIENTS * SyntheticHistory.ASSESSMENTS_PER_PATIENT);
        }
        // and every stored record's event published, whichever job stored it (a re-sent event counts once)
        Set<String> published = await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(2))
                .until(ImportStoreOutageSystemTest::publishedRecords, ids -> ids.size() >= intakeLines);
        assertThat(published).hasSize((int) intakeLines);
    }

    /** The distinct records whose recorded-event is on the intake topic. */
    private static Set<String> publishedRecords() {
        List<JsonNode> events = system.readAll(List.of(Topics.INTAKE_EVENTS)).stream()
                .map(r -> EventJson.mapper().readTree(r.value()))
                .toList();
        return events.stream()
                .filter(e -> e.get("type").asString().endsWith("-recorded"))
                .map(e -> e.get("payload"))
                .map(p -> p.has("diagnosisId")
                        ? p.get("diagnosisId").asString()
                        : p.get("assessmentId").asString())
                .collect(Collectors.toSet());
    }
}
