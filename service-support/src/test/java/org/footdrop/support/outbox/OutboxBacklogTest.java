package org.footdrop.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.footdrop.support.testing.EmbeddedMongo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The backlog gauges over the MongoDB wire protocol, and what they show while the store is away. */
@Tag("infrastructure")
class OutboxBacklogTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void shouldCountPendingEventsAndAgeTheOldest() {
        try (EmbeddedMongo store = new EmbeddedMongo();
                MongoClient client = MongoClients.create(store.uri("backlog"))) {
            MongoTemplate mongo = new MongoTemplate(client, "backlog");
            mongo.insert(
                    new PendingEventMarker("e1", "diagnoses", "r1", NOW.minusSeconds(90)),
                    PendingEventMarker.COLLECTION);
            // as a release before batch markers wrote it: no size
            mongo.insert(
                    new org.bson.Document("_id", "e2")
                            .append("collection", "diagnoses")
                            .append("recordId", "r2")
                            .append("createdAt", java.util.Date.from(NOW.minusSeconds(5))),
                    PendingEventMarker.COLLECTION);
            // a bulk write's batch: one marker for its three events
            mongo.insert(
                    PendingEventMarker.batch(
                            "batch-1",
                            "assessments",
                            List.of(
                                    new PendingEventMarker.BatchedEvent("e3", "r3"),
                                    new PendingEventMarker.BatchedEvent("e4", "r4"),
                                    new PendingEventMarker.BatchedEvent("e5", "r5")),
                            NOW.minusSeconds(30)),
                    PendingEventMarker.COLLECTION);
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            OutboxBacklog backlog = new OutboxBacklog(mongo, Clock.fixed(NOW, ZoneOffset.UTC), meters);

            backlog.measure();

            assertThat(meters.get("footdrop.outbox.pending").gauge().value()).isEqualTo(5);
            assertThat(mongo.findAll(PendingEventMarker.class, PendingEventMarker.COLLECTION))
                    .extracting(PendingEventMarker::eventId)
                    .containsExactlyInAnyOrder("e1", "e2", "batch-1");
            assertThat(meters.get("footdrop.outbox.oldest.age").gauge().value()).isEqualTo(90);
        }
    }

    @Test
    void shouldAgeABatchWhoseRecordsAreStillBeingInsertedFromItsAcceptanceNotFromWhenItIsDue() {
        try (EmbeddedMongo store = new EmbeddedMongo();
                MongoClient client = MongoClients.create(store.uri("backlog"))) {
            MongoTemplate mongo = new MongoTemplate(client, "backlog");
            // written two minutes ago by a writer that died mid-insert: due for the sweep in eight
            mongo.insert(
                    PendingEventMarker.batch(
                            "batch-2",
                            "assessments",
                            List.of(new PendingEventMarker.BatchedEvent("e6", "r6")),
                            NOW.minusSeconds(120),
                            NOW.plus(OutboxWriter.WRITING).minusSeconds(120)),
                    PendingEventMarker.COLLECTION);
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            OutboxBacklog backlog = new OutboxBacklog(mongo, Clock.fixed(NOW, ZoneOffset.UTC), meters);

            backlog.measure();

            assertThat(meters.get("footdrop.outbox.oldest.age").gauge().value()).isEqualTo(120);
        }
    }

    @Test
    void shouldLeaveOutAMarkerWhoseRecordTheSweepDidNotFind() {
        try (EmbeddedMongo store = new EmbeddedMongo();
                MongoClient client = MongoClients.create(store.uri("backlog"))) {
            MongoTemplate mongo = new MongoTemplate(client, "backlog");
            // a write the client was told failed, five minutes ago: the sweep waits for it, unconfirmed
            mongo.insert(
                    new PendingEventMarker("e7", "diagnoses", "r7", NOW.minusSeconds(300)),
                    PendingEventMarker.COLLECTION);
            mongo.updateFirst(
                    org.springframework.data.mongodb.core.query.Query.query(
                            org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                    .is("e7")),
                    org.springframework.data.mongodb.core.query.Update.update(PendingEventMarker.UNCONFIRMED, true),
                    PendingEventMarker.COLLECTION);
            mongo.insert(
                    new PendingEventMarker("e8", "diagnoses", "r8", NOW.minusSeconds(10)),
                    PendingEventMarker.COLLECTION);
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            OutboxBacklog backlog = new OutboxBacklog(mongo, Clock.fixed(NOW, ZoneOffset.UTC), meters);

            backlog.measure();

            // an accepted event pending is what pages; one perhaps never accepted does not
            assertThat(meters.get("footdrop.outbox.pending").gauge().value()).isEqualTo(1);
            assertThat(meters.get("footdrop.outbox.oldest.age").gauge().value()).isEqualTo(10);
        }
    }

    @Test
    void shouldKeepTheLastMeasurementWhileTheStoreIsAway() {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200")) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            OutboxBacklog backlog =
                    new OutboxBacklog(new MongoTemplate(client, "gone"), Clock.fixed(NOW, ZoneOffset.UTC), meters);

            backlog.measure();

            assertThat(meters.get("footdrop.outbox.pending").gauge().value()).isZero();
            assertThat(meters.get("footdrop.outbox.oldest.age").gauge().value()).isZero();
        }
    }
}
