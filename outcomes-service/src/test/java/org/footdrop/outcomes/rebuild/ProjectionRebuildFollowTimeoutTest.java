package org.footdrop.outcomes.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.EventJson;
import org.footdrop.contract.EventType;
import org.footdrop.contract.GoldenSamples;
import org.footdrop.outcomes.cohort.CohortTable;
import org.footdrop.outcomes.messaging.EventReader;
import org.footdrop.outcomes.projection.PatientOutcomeStore;
import org.footdrop.outcomes.projection.ProjectionCollections;
import org.footdrop.support.testing.EmbeddedMongo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * A rebuild that some live instance never follows within {@code footdrop.rebuild.follow-timeout}
 * fails before it reads a topic: queries keep the old collection, which live events keep reaching,
 * and another rebuild may start (docs/operating.md, "Rebuilding the projections"). The same when the
 * store goes away while it waits, when abandoning the rebuild cannot reach the store either.
 */
@Tag("infrastructure")
class ProjectionRebuildFollowTimeoutTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    /** The short {@code footdrop.rebuild.follow-timeout} of this test. */
    private static final Duration FOLLOW_TIMEOUT = Duration.ofMillis(300);

    @Test
    void shouldFailAndKeepServingTheOldProjectionsWhenAnInstanceNeverFollows() {
        try (EmbeddedMongo embedded = new EmbeddedMongo();
                MongoClient client = MongoClients.create(embedded.uri("rebuild"))) {
            MongoTemplate mongo = new MongoTemplate(client, "rebuild");
            // given a projected patient and a second instance that is alive (a fixed clock) but never
            // refreshes, so never follows a rebuild
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            ProjectionCollections collections = new ProjectionCollections(mongo, clock, event -> {});
            ProjectionCollections behind = new ProjectionCollections(mongo, clock, event -> {});
            PatientOutcomeStore store = new PatientOutcomeStore(mongo, collections);
            store.apply(List.of(event("pt-follow", EventType.DIAGNOSIS_RECORDED)));
            Document before = store.raw("pt-follow");
            EventReader reader = mock(EventReader.class);
            CohortTable cohort = mock(CohortTable.class);
            ProjectionRebuild rebuild = new ProjectionRebuild(
                    collections,
                    store,
                    reader,
                    cohort,
                    event -> {},
                    new KafkaProperties(),
                    clock,
                    new SimpleMeterRegistry(),
                    FOLLOW_TIMEOUT);

            // when a rebuild starts and the follow timeout passes
            boolean started = rebuild.start();
            ProjectionRebuild.Status failed = awaitFinished(rebuild);

            // then it failed without reading a topic, and the old collection is still the one served
            assertThat(started).isTrue();
            assertThat(failed.state()).isEqualTo("FAILED");
            assertThat(failed.error()).isEqualTo("IllegalStateException");
            assertThat(failed.previous()).isEqualTo(PatientOutcomeStore.COLLECTION);
            assertThat(failed.target()).isNotEqualTo(PatientOutcomeStore.COLLECTION);
            assertThat(failed.finishedAt()).isEqualTo(NOW);
            assertThat(failed.replayed()).isZero();
            assertThat(failed.total()).isZero();
            verifyNoInteractions(reader, cohort);
            assertThat(collections.active()).isEqualTo(PatientOutcomeStore.COLLECTION);
            assertThat(collections.rebuilding()).isEmpty();
            behind.refresh();
            assertThat(behind.active()).isEqualTo(PatientOutcomeStore.COLLECTION);
            assertThat(behind.rebuilding()).isEmpty();
            assertThat(store.raw("pt-follow")).isEqualTo(before);

            // and live events go on reaching the old collection, and the next rebuild may start
            store.apply(List.of(event("pt-follow", EventType.ASSESSMENT_RECORDED)));
            assertThat(store.find("pt-follow").orElseThrow().assessments()).hasSize(1);
            assertThat(mongo.findById("pt-follow", Document.class, failed.target()))
                    .isNull();
            assertThat(rebuild.start()).isTrue();
            assertThat(awaitFinished(rebuild).state()).isEqualTo("FAILED");
        }
    }

    @Test
    void shouldFailRatherThanStayReplayingWhenTheStoreGoesAwayWhileWaiting() {
        EmbeddedMongo embedded = new EmbeddedMongo();
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(embedded.uri("rebuild")))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(200, TimeUnit.MILLISECONDS))
                .build())) {
            MongoTemplate mongo = new MongoTemplate(client, "rebuild");
            // given a rebuild waiting for an instance that never follows, with a timeout longer than the test
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            ProjectionCollections collections = new ProjectionCollections(mongo, clock, event -> {});
            new ProjectionCollections(mongo, clock, event -> {});
            ProjectionRebuild rebuild = new ProjectionRebuild(
                    collections,
                    new PatientOutcomeStore(mongo, collections),
                    mock(EventReader.class),
                    mock(CohortTable.class),
                    event -> {},
                    new KafkaProperties(),
                    clock,
                    new SimpleMeterRegistry(),
                    Duration.ofMinutes(10));
            rebuild.start();

            // when the store goes away while it waits, so that neither the wait nor abandoning the
            // rebuild reaches it
            embedded.close();
            ProjectionRebuild.Status failed = awaitFinished(rebuild);

            // then the rebuild says it failed, and queries kept the old collection
            assertThat(failed.state()).isEqualTo("FAILED");
            assertThat(failed.error()).isEqualTo("DataAccessResourceFailureException");
            assertThat(collections.active()).isEqualTo(PatientOutcomeStore.COLLECTION);
        } finally {
            embedded.close();
        }
    }

    @Test
    void shouldRefuseToStartAndStayStartableWhenTheStoreIsAwayAtTheStart() {
        EmbeddedMongo embedded = new EmbeddedMongo();
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(embedded.uri("rebuild")))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(200, TimeUnit.MILLISECONDS))
                .build())) {
            MongoTemplate mongo = new MongoTemplate(client, "rebuild");
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            ProjectionCollections collections = new ProjectionCollections(mongo, clock, event -> {});
            ProjectionRebuild rebuild = new ProjectionRebuild(
                    collections,
                    new PatientOutcomeStore(mongo, collections),
                    mock(EventReader.class),
                    mock(CohortTable.class),
                    event -> {},
                    new KafkaProperties(),
                    clock,
                    new SimpleMeterRegistry(),
                    FOLLOW_TIMEOUT);
            String before = rebuild.status().state();

            // when the store is away as a rebuild is asked for
            embedded.close();

            // then the start fails to its caller, and the status is not left saying a rebuild runs
            assertThatThrownBy(rebuild::start).isInstanceOf(RuntimeException.class);
            assertThat(rebuild.status().state()).isEqualTo(before).isNotEqualTo("REPLAYING");
        } finally {
            embedded.close();
        }
    }

    private static ProjectionRebuild.Status awaitFinished(ProjectionRebuild rebuild) {
        return await().atMost(Duration.ofSeconds(30))
                .until(rebuild::status, status -> !status.state().equals("REPLAYING"));
    }

    private static EventEnvelope event(String patientId, EventType type) {
        ObjectNode sample = (ObjectNode) EventJson.mapper().readTree(GoldenSamples.read(type, 1));
        sample.put("patientId", patientId);
        sample.put("eventId", UUID.randomUUID().toString());
        return new EventCodec().decode(sample.toString().getBytes(StandardCharsets.UTF_8));
    }
}
