package org.footdrop.intake.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.Topics;
import org.footdrop.support.imports.ImportInstances;
import org.footdrop.support.imports.ImportableKind;
import org.footdrop.support.imports.Importer;
import org.footdrop.support.record.ClinicalRecords;
import org.footdrop.support.request.RequestContext;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two more instances of intake's importer beside the application's, over its store and broker: one
 * that goes away mid-job, and one that takes the job up once the lease has run out. Each has its own
 * owner and, for the one that takes up, a clock a lease ahead, which is how the lease looks to it
 * once the gone instance has been silent that long.
 */
@EmbeddedInfrastructure
class ImportTakeUpTest {

    private static final int LINES = 3_000;

    @Autowired
    List<ImportableKind<?, ?>> kinds;

    @Autowired
    ClinicalRecords records;

    @Autowired
    JsonMapper json;

    @Autowired
    Validator validator;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EventCodec codec;

    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    @TempDir
    Path directories;

    private final List<Importer> started = new ArrayList<>();
    private String run;

    @BeforeEach
    void run() {
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stop() {
        started.forEach(Importer::stop);
    }

    @Test
    void shouldFinishAGoneInstancesJobFromItsCheckpointWithEveryLineStoredAndSentOnce() throws Exception {
        Path shared = directories.resolve("shared");
        Importer gone = instance("host-gone", shared, Clock.systemUTC());
        String jobId = gone.receive(file(), "urn:test:" + run, RequestContext.forJob("migration", "writer", null));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> number(job(jobId), "position") >= 200);

        // the instance goes away mid-job; its job stays its own until the lease runs out
        gone.stop();
        Document left = job(jobId);
        assertThat(left.getString("status")).isEqualTo("RUNNING");
        assertThat(number(left, "position")).isLessThan(LINES);
        instance("host-live", shared, Clock.systemUTC());
        assertThat(job(jobId).getString("owner"))
                .as("a starting instance leaves a job whose lease runs alone")
                .isEqualTo(owner("host-gone", shared));

        // another instance sharing the import directory takes it up once the lease ran out, and finishes it
        instance("host-taker", shared, Clock.offset(Clock.systemUTC(), ImportInstances.LEASE.plusSeconds(1)));
        Document finished = await().atMost(Duration.ofSeconds(120))
                .until(() -> job(jobId), job -> !job.getString("status").matches("QUEUED|RUNNING"));

        assertThat(finished.getString("status")).isEqualTo("COMPLETED");
        assertThat(finished.getString("owner")).isEqualTo(owner("host-taker", shared));
        assertThat(number(finished, "refused")).isZero();
        assertThat(number(finished, "accepted") + number(finished, "alreadyPresent"))
                .isEqualTo(LINES);
        assertThat(Files.exists(shared.resolve(jobId)))
                .as("the job's runs removed")
                .isFalse();
        List<Document> stored = mongo.find(
                Query.query(Criteria.where("patientId").regex("^pt-take-" + run + "-")), Document.class, "diagnoses");
        assertThat(stored).hasSize(LINES);
        List<EventEnvelope> events = events(LINES);
        assertThat(events.stream().map(EventEnvelope::eventId).collect(Collectors.toSet()))
                .hasSize(LINES);
    }

    @Test
    void shouldFailAGoneInstancesJobWhoseRunsAreNotInTheDirectoryOfTheInstanceThatTakesItUp() throws Exception {
        Importer gone = instance("host-gone", directories.resolve("gone"), Clock.systemUTC());
        String jobId = gone.receive(file(), "urn:test:" + run, RequestContext.forJob("migration", "writer", null));
        gone.stop();

        // once its lease ran out, an instance without its runs leaves it: its instance may be only stalled
        instance(
                "host-stalled-peer",
                directories.resolve("elsewhere"),
                Clock.offset(Clock.systemUTC(), ImportInstances.LEASE.plusSeconds(1)));
        assertThat(job(jobId).getString("owner")).isEqualTo(owner("host-gone", directories.resolve("gone")));
        assertThat(job(jobId).getString("status")).matches("QUEUED|RUNNING");

        // once it has been out long enough, its instance is gone: the job is taken up and failed, saying why
        instance(
                "host-taker",
                directories.resolve("elsewhere"),
                Clock.offset(
                        Clock.systemUTC(),
                        ImportInstances.LEASE.plus(ImportInstances.ABANDONED).plusSeconds(1)));
        Document failed = await().atMost(Duration.ofSeconds(30))
                .until(() -> job(jobId), job -> !job.getString("status").matches("QUEUED|RUNNING"));

        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("failure"))
                .contains("not in this instance's import directory")
                .contains("upload the file again");
    }

    /** An instance of the service's importer, started, with its own owner, directory and clock. */
    private Importer instance(String host, Path directory, Clock clock) {
        Importer importer = ImportInstances.start(
                owner(host, directory), directory, clock, 100, kinds, records, mongo, json, validator);
        started.add(importer);
        return importer;
    }

    private static String owner(String host, Path directory) {
        return host + ":" + directory.toAbsolutePath().normalize();
    }

    private ByteArrayInputStream file() {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            file.append("{\"kind\":\"diagnosis\",\"key\":\"d-")
                    .append(i)
                    .append("\",\"body\":{\"patientId\":\"pt-take-")
                    .append(run)
                    .append('-')
                    .append(i)
                    .append("\",\"side\":\"LEFT\",\"diagnosisDate\":\"2026-01-02\",")
                    .append("\"symptomOnsetDate\":\"2025-12-28\",\"causeCategory\":\"FIBULAR_NERVE_AT_KNEE\"}}\n");
        }
        return new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Document job(String jobId) {
        return mongo.findById(jobId, Document.class, ImportInstances.JOBS);
    }

    private static long number(Document job, String field) {
        Number value = job.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }

    /** The run's events on intake's topic: exactly as many as expected, and no more for two seconds. */
    private List<EventEnvelope> events(int expected) {
        String patients = "pt-take-" + run + "-";
        try (TopicProbe topic = new TopicProbe(brokers, Topics.INTAKE_EVENTS)) {
            return await().atMost(Duration.ofSeconds(120))
                    .during(Duration.ofSeconds(2))
                    .until(
                            () -> topic.poll().stream()
                                    .filter(r -> new String(r.key(), StandardCharsets.UTF_8).startsWith(patients))
                                    .map(ConsumerRecord::value)
                                    .map(codec::decode)
                                    .toList(),
                            events -> events.size() == expected);
        }
    }
}
