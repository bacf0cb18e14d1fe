package org.footdrop.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.result.UpdateResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.Topics;
import org.footdrop.contract.intake.DiagnosisVoided;
import org.footdrop.support.testing.EmbeddedMongo;
import org.footdrop.support.testing.MovableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.query.UpdateDefinition;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A batch's one marker, against a real broker and the MongoDB wire protocol: it goes once all its
 * events are sent, and stays, for the sweep, when they cannot be. And a single record's markers when
 * its write fails: they stay unless the record was surely not written.
 */
@Tag("infrastructure")
class OutboxPublisherBatchTest {

    private static EmbeddedKafkaKraftBroker broker;
    private final EventCodec codec = new EventCodec();
    private EmbeddedMongo store;
    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void store() {
        store = new EmbeddedMongo();
        client = MongoClients.create(store.uri("outbox"));
        mongo = new MongoTemplate(client, "outbox");
    }

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    @BeforeAll
    static void broker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1, Topics.INTAKE_EVENTS);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void shouldRemoveABatchMarkerOnceEveryOneOfItsEventsIsSent() {
        OutboxPublisher publisher = publisher(broker.getBrokersAsString());
        Batch batch = markBatch(3);
        String markerId = batch.markerId();
        publisher.start();
        try {
            publisher.enqueueBatch("diagnoses", markerId, batch.events());

            await().atMost(Duration.ofSeconds(30)).until(() -> marker(markerId) == null);
            assertThat(publisher.isInFlight(markerId)).isFalse();
        } finally {
            publisher.stop();
        }
    }

    @ParameterizedTest(name = "the poison event at {0} of 3")
    @ValueSource(ints = {0, 2})
    void shouldNarrowABatchMarkerToTheEventThatCouldNotBeSent(int poisonAt) {
        OutboxPublisher publisher = publisher(broker.getBrokersAsString());
        Instant now = Instant.now();
        // larger than the producer sends (max.request.size, 1 MB): refused, however often it is tried
        OutboxEntry poison = OutboxEntry.pending(
                EventEnvelope.of(
                        new DiagnosisVoided(UUID.randomUUID(), 2),
                        "p".repeat(2_000_000),
                        now,
                        now,
                        "intake-service",
                        "test"),
                codec,
                now);
        List<OutboxPublisher.Batched> events = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            UUID recordId = UUID.randomUUID();
            events.add(new OutboxPublisher.Batched(recordId.toString(), pending(recordId, now)));
        }
        // first, it fails before any other is acknowledged; last, most likely after they are
        events.add(poisonAt, new OutboxPublisher.Batched(UUID.randomUUID().toString(), poison));
        String markerId = "batch-" + UUID.randomUUID();
        mongo.insert(
                PendingEventMarker.batch(
                        markerId,
                        "diagnoses",
                        events.stream()
                                .map(e -> new PendingEventMarker.BatchedEvent(
                                        e.entry().eventId(), e.recordId()))
                                .toList(),
                        now),
                PendingEventMarker.COLLECTION);
        publisher.start();
        try {
            publisher.enqueueBatch("diagnoses", markerId, events);

            // the two that were sent are taken off it: the sweep re-sends the poison event alone
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Document marker = marker(markerId);
                return marker != null && marker.getInteger("size") == 1;
            });
            PendingEventMarker narrowed =
                    mongo.findById(markerId, PendingEventMarker.class, PendingEventMarker.COLLECTION);
            assertThat(narrowed.events())
                    .extracting(PendingEventMarker.BatchedEvent::eventId)
                    .containsExactly(poison.eventId());
            assertThat(narrowed.createdAt()).isEqualTo(now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        } finally {
            publisher.stop();
        }
    }

    @Test
    void shouldKeepABatchMarkerWholeForTheSweepWhenItsEventsCannotBeSent() {
        // nothing listens on port 1: every send fails once the producer gives up waiting for metadata
        OutboxPublisher publisher = publisher("127.0.0.1:1");
        Batch batch = markBatch(3);
        String markerId = batch.markerId();
        publisher.start();
        try {
            publisher.enqueueBatch("diagnoses", markerId, batch.events());

            await().atMost(Duration.ofSeconds(30)).until(() -> !publisher.isInFlight(markerId));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> marker(markerId) != null);
            assertThat(marker(markerId).getInteger("size")).isEqualTo(3);
        } finally {
            publisher.stop();
        }
    }

    @Test
    void shouldWriteABatchLargerThanThePublishersQueueInPartsEachSentWhole() {
        OutboxPublisher publisher = publisher(broker.getBrokersAsString(), 4);
        // a part that finds the queue busy is the sweep's, as in a service
        OutboxSweeper sweeper = new OutboxSweeper(
                mongo, publisher, new OutboxProperties(null, Duration.ZERO, null, 4), Clock.systemUTC(), codec);
        OutboxWriter writer = new OutboxWriter(mongo, publisher, Clock.systemUTC(), new SimpleMeterRegistry());
        List<OutboxWriter.NewDocument> documents = newDocuments(10);
        publisher.start();
        try {
            Set<String> inserted = writer.insertAll("diagnoses", documents);

            assertThat(inserted).hasSize(10);
            // every part's marker goes once its events are sent: none is left behind
            sweepUntilNoMarkerIsLeft(sweeper);
        } finally {
            publisher.stop();
        }
    }

    @Test
    void shouldLeaveABatchWhoseRecordsAreBeingWrittenToItsWriterNotTheSweep() {
        OutboxPublisher publisher = publisher(broker.getBrokersAsString());
        OutboxSweeper sweeper = new OutboxSweeper(
                mongo, publisher, new OutboxProperties(null, Duration.ZERO, null, null), Clock.systemUTC(), codec);
        Batch batch = markBatch(3);
        String markerId = batch.markerId();
        for (OutboxPublisher.Batched event : batch.events()) {
            mongo.insert(
                    new Document("_id", event.recordId())
                            .append(
                                    "outbox",
                                    new Document(
                                            event.entry().eventId(),
                                            mongo.getConverter()
                                                    .convertToMongoType(
                                                            event.entry().stored()))),
                    "diagnoses");
        }
        publisher.start();
        try {
            // the writer has claimed its marker: its insert is still running
            assertThat(publisher.claim(markerId)).isTrue();

            assertThat(sweeper.sweep()).isZero();
            assertThat(marker(markerId)).isNotNull();

            // the writer's batch is queued whole, and its marker goes once all are sent
            assertThat(publisher.enqueueClaimedBatch("diagnoses", markerId, batch.events()))
                    .isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> marker(markerId) == null);
            assertThat(sweeper.sweep()).isZero();
        } finally {
            publisher.stop();
        }
    }

    @Test
    void shouldLeaveABatchMarkerThatIsNotDueYetHoweverLongAgoItWasCreated() {
        OutboxPublisher publisher = publisher(broker.getBrokersAsString());
        OutboxSweeper sweeper = new OutboxSweeper(
                mongo, publisher, new OutboxProperties(null, Duration.ZERO, null, null), Clock.systemUTC(), codec);
        UUID recordId = UUID.randomUUID();
        OutboxEntry entry = pending(recordId, Instant.now());
        mongo.insert(recordHolding(recordId, entry), "diagnoses");
        Instant created = Instant.now().minus(Duration.ofHours(1));
        List<PendingEventMarker.BatchedEvent> listed =
                List.of(new PendingEventMarker.BatchedEvent(entry.eventId(), recordId.toString()));
        // a writer still inserting its batch (or one that died doing it) left it due later
        mongo.insert(
                PendingEventMarker.batch(
                        "batch-later",
                        "diagnoses",
                        listed,
                        created,
                        Instant.now().plus(OutboxWriter.WRITING)),
                PendingEventMarker.COLLECTION);
        publisher.start();
        try {
            assertThat(sweeper.sweep()).isZero();
            assertThat(marker("batch-later")).isNotNull();

            // once due (the writer made it so, or WRITING passed), the sweep sends it
            mongo.save(
                    PendingEventMarker.batch("batch-later", "diagnoses", listed, created, Instant.now()),
                    PendingEventMarker.COLLECTION);
            sweepUntilNoMarkerIsLeft(sweeper);
        } finally {
            publisher.stop();
        }
    }

    @Test
    void shouldMakeDueAtOnceTheMarkerOfRecordsAWriterKilledMidInsertStoredWhenTheyAreMetAgain() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxPublisher publisher = publisher(broker.getBrokersAsString(), null, meters);
        OutboxSweeper sweeper = new OutboxSweeper(
                mongo, publisher, new OutboxProperties(null, Duration.ZERO, null, null), Clock.systemUTC(), codec);
        OutboxWriter writer = new OutboxWriter(mongo, publisher, Clock.systemUTC(), new SimpleMeterRegistry());
        List<OutboxWriter.NewDocument> documents = newDocuments(3);
        // the writer killed before the restart: its marker due WRITING later, two of its three records stored
        Instant created = Instant.now().minus(Duration.ofMinutes(1));
        mongo.insert(
                PendingEventMarker.batch(
                        "batch-killed",
                        "diagnoses",
                        documents.stream()
                                .map(d -> new PendingEventMarker.BatchedEvent(
                                        d.events().get(0).eventId(), d.recordId()))
                                .toList(),
                        created,
                        created.plus(OutboxWriter.WRITING)),
                PendingEventMarker.COLLECTION);
        mongo.insert(documents.get(0).document(), "diagnoses");
        mongo.insert(documents.get(1).document(), "diagnoses");
        // another collection's marker of a record with the same id is not this one's business, nor is a
        // marker written since the restart (its writer may be inserting still)
        markWriting(
                "batch-live",
                "diagnoses",
                documents.get(0).recordId(),
                Instant.now().plusSeconds(1));
        markWriting("batch-elsewhere", "assessments", documents.get(0).recordId(), created);
        publisher.start();
        try {
            // the job resumed writes the batch again, with new events: two are its own already, one is new
            List<OutboxWriter.NewDocument> again = documents.stream()
                    .map(d -> newDocument(UUID.fromString(d.recordId())))
                    .toList();
            Set<String> inserted = writer.insertAll("diagnoses", again);
            assertThat(inserted).containsExactly(documents.get(2).recordId());
            assertThat(sweeper.sweep())
                    .as("the killed writer's marker is not due yet")
                    .isZero();

            writer.hasten(
                    "diagnoses",
                    List.of(documents.get(0).recordId(), documents.get(1).recordId()));

            for (String untouched : List.of("batch-live", "batch-elsewhere")) {
                assertThat(mongo.findById(untouched, PendingEventMarker.class, PendingEventMarker.COLLECTION)
                                .dueAt())
                        .as(untouched)
                        .isAfter(Instant.now());
                mongo.remove(Query.query(Criteria.where("_id").is(untouched)), PendingEventMarker.COLLECTION);
            }
            // now, not WRITING later: the two stored records' events are sent and the marker goes
            sweepUntilNoMarkerIsLeft(sweeper);
            // sent, not dropped: the new record's own event, and the two the killed writer's records hold
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> meters.find("footdrop.events.published").counters().stream()
                                    .mapToDouble(io.micrometer.core.instrument.Counter::count)
                                    .sum()
                            >= 3);
        } finally {
            publisher.stop();
        }
    }

    @Test
    void shouldNotFailTheCallerWhenTheStoreIsAwayWhileMarkersAreMadeDue() {
        MongoClient closed = MongoClients.create(store.uri("outbox"));
        closed.close();
        OutboxWriter writer = new OutboxWriter(
                new MongoTemplate(closed, "outbox"),
                publisher(broker.getBrokersAsString()),
                Clock.systemUTC(),
                new SimpleMeterRegistry());

        // only a speed-up: the markers come due when WRITING has passed all the same
        assertThatCode(() ->
                        writer.hasten("diagnoses", List.of(UUID.randomUUID().toString())))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldKeepABatchMarkersAcceptanceTimeWhenItIsMadeDue() {
        // the broker is away, so the marker stays to be looked at
        OutboxPublisher publisher = publisher("127.0.0.1:1");
        Instant accepted = Instant.parse("2026-03-02T10:00:00Z");
        // the insert takes an hour: the writer's start and the acceptance read the clock first, every reading
        // after them is an hour later
        AtomicInteger readings = new AtomicInteger();
        Clock slowInsert = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return readings.getAndIncrement() <= 1 ? accepted : accepted.plus(Duration.ofHours(1));
            }
        };
        OutboxWriter writer = new OutboxWriter(mongo, publisher, slowInsert, new SimpleMeterRegistry());
        UUID recordId = UUID.randomUUID();
        OutboxEntry entry = pending(recordId, Instant.now());
        publisher.start();
        try {
            writer.insertAll(
                    "diagnoses",
                    List.of(new OutboxWriter.NewDocument(
                            recordHolding(recordId, entry), recordId.toString(), List.of(entry))));

            PendingEventMarker marker = mongo.findAll(PendingEventMarker.class, PendingEventMarker.COLLECTION)
                    .get(0);
            assertThat(marker.createdAt()).isEqualTo(accepted);
            assertThat(marker.dueAt()).isEqualTo(accepted.plus(Duration.ofHours(1)));
        } finally {
            publisher.stop();
        }
    }

    @Test
    void shouldKeepTheMarkerOfABatchWhoseInsertFailedForTheSweepToSendWhatWasStored() {
        OutboxPublisher publisher = publisher(broker.getBrokersAsString());
        OutboxSweeper sweeper = new OutboxSweeper(
                mongo, publisher, new OutboxProperties(null, Duration.ZERO, null, null), Clock.systemUTC(), codec);
        OutboxWriter writer = new OutboxWriter(mongo, publisher, Clock.systemUTC(), new SimpleMeterRegistry());
        UUID stored = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        OutboxEntry storedEvent = pending(stored, Instant.now());
        OutboxEntry refusedEvent = pending(refused, Instant.now());
        List<OutboxWriter.NewDocument> documents = List.of(
                new OutboxWriter.NewDocument(
                        recordHolding(stored, storedEvent), stored.toString(), List.of(storedEvent)),
                // the store refuses an array as an _id: not a duplicate, the batch's write fails
                new OutboxWriter.NewDocument(
                        recordHolding(refused, refusedEvent).append("_id", List.of(1, 2)),
                        refused.toString(),
                        List.of(refusedEvent)));
        publisher.start();
        try {
            assertThatThrownBy(() -> writer.insertAll("diagnoses", documents)).isInstanceOf(RuntimeException.class);

            // the record that was stored still has its marker, due now, and the sweep sends its event
            assertThat(mongo.findById(stored.toString(), Document.class, "diagnoses"))
                    .isNotNull();
            List<PendingEventMarker> markers = mongo.findAll(PendingEventMarker.class, PendingEventMarker.COLLECTION);
            assertThat(markers).singleElement().satisfies(marker -> {
                assertThat(marker.isBatch()).isTrue();
                assertThat(marker.createdAt()).isBeforeOrEqualTo(Instant.now());
            });
            sweepUntilNoMarkerIsLeft(sweeper);
        } finally {
            publisher.stop();
        }
    }

    @Test
    void shouldSendTheEventOfARecordWhoseWriteStoredItButLostItsReply() {
        OutboxPublisher publisher = publisher(broker.getBrokersAsString());
        ReplyLosingStore lossy = new ReplyLosingStore(client);
        OutboxWriter writer = new OutboxWriter(lossy, publisher, Clock.systemUTC(), new SimpleMeterRegistry());
        OutboxSweeper sweeper = new OutboxSweeper(
                mongo, publisher, new OutboxProperties(null, Duration.ZERO, null, null), Clock.systemUTC(), codec);
        UUID created = UUID.randomUUID();
        UUID amended = UUID.randomUUID();
        OutboxEntry createdEvent = pending(created, Instant.now());
        OutboxEntry amendedEvent = pending(amended, Instant.now());
        mongo.insert(new Document("_id", amended.toString()).append("revision", 1), "diagnoses");
        publisher.start();
        try {
            lossy.loseReplies = true;
            assertThatThrownBy(() -> writer.insert(
                            recordHolding(created, createdEvent),
                            "diagnoses",
                            created.toString(),
                            List.of(createdEvent)))
                    .isInstanceOf(DataAccessResourceFailureException.class);
            assertThatThrownBy(() -> writer.update(
                            Query.query(Criteria.where("_id").is(amended.toString())),
                            new Update().set("revision", 2),
                            "diagnoses",
                            amended.toString(),
                            List.of(amendedEvent)))
                    .isInstanceOf(DataAccessResourceFailureException.class);

            // both writes were applied: their markers stay, and the sweep sends both events
            assertThat(mongo.findById(created.toString(), Document.class, "diagnoses"))
                    .isNotNull();
            assertThat(mongo.findById(amended.toString(), Document.class, "diagnoses")
                            .getInteger("revision"))
                    .isEqualTo(2);
            assertThat(mongo.findAll(PendingEventMarker.class, PendingEventMarker.COLLECTION))
                    .extracting(PendingEventMarker::eventId)
                    .containsExactlyInAnyOrder(createdEvent.eventId(), amendedEvent.eventId());
            sweepUntilNoMarkerIsLeft(sweeper);
        } finally {
            publisher.stop();
        }
    }

    @Test
    void shouldDropTheMarkerOfARecordTheStoreRefusedOnceItsWriteCanNoLongerLand() {
        OutboxPublisher publisher = publisher(broker.getBrokersAsString());
        MovableClock clock = new MovableClock(Instant.now());
        OutboxWriter writer = new OutboxWriter(mongo, publisher, clock, new SimpleMeterRegistry());
        OutboxSweeper sweeper = new OutboxSweeper(
                mongo, publisher, new OutboxProperties(null, Duration.ZERO, null, null), clock, codec);
        UUID refused = UUID.randomUUID();
        OutboxEntry event = pending(refused, clock.instant());
        publisher.start();
        try {
            // the store refuses an array as an _id
            assertThatThrownBy(() -> writer.insert(
                            recordHolding(refused, event).append("_id", List.of(1, 2)),
                            "diagnoses",
                            refused.toString(),
                            List.of(event)))
                    .isInstanceOf(RuntimeException.class);

            // the sweep cannot tell a refused write from one still on its way: it waits
            clock.move(Duration.ofSeconds(1));
            assertThat(sweeper.sweep()).isZero();
            assertThat(marker(event.eventId())).isNotNull();

            // and once WRITING has passed, no write can land any more
            clock.move(OutboxWriter.WRITING);
            assertThat(sweeper.sweep()).isZero();
            assertThat(marker(event.eventId())).isNull();
        } finally {
            publisher.stop();
        }
    }

    @Test
    void shouldSendTheOtherEventsWhenOneStoredEventCannotBeReadBackAndKeepThatOnePending() {
        OutboxPublisher publisher = publisher(broker.getBrokersAsString());
        MovableClock clock = new MovableClock(Instant.now());
        OutboxSweeper sweeper = new OutboxSweeper(
                mongo, publisher, new OutboxProperties(null, Duration.ZERO, null, null), clock, codec);
        Instant accepted = clock.instant();
        // the first due: a record whose stored event was changed by hand into something unreadable
        UUID brokenRecord = UUID.randomUUID();
        OutboxEntry good = pending(brokenRecord, accepted);
        OutboxEntry broken =
                new OutboxEntry(good.eventId(), good.type(), good.topic(), good.key(), "{not json", null, accepted);
        mongo.insert(recordHolding(brokenRecord, broken), "diagnoses");
        mongo.insert(
                new PendingEventMarker(broken.eventId(), "diagnoses", brokenRecord.toString(), accepted),
                PendingEventMarker.COLLECTION);
        UUID fineRecord = UUID.randomUUID();
        OutboxEntry fine = pending(fineRecord, accepted.plusMillis(1));
        mongo.insert(recordHolding(fineRecord, fine), "diagnoses");
        mongo.insert(
                new PendingEventMarker(fine.eventId(), "diagnoses", fineRecord.toString(), accepted.plusMillis(1)),
                PendingEventMarker.COLLECTION);
        publisher.start();
        try {
            clock.move(Duration.ofSeconds(1));

            // the unreadable one does not stop the sweep: the other is sent and its marker goes
            assertThat(sweeper.sweep()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> marker(fine.eventId()) == null);

            // the unreadable one stays pending, out of the sweeps' way for a while
            assertThat(marker(broken.eventId()).getDate("dueAt").toInstant())
                    .isEqualTo(clock.instant().plus(OutboxWriter.WRITING).truncatedTo(ChronoUnit.MILLIS));
            assertThat(sweeper.sweep()).isZero();
            assertThat(marker(broken.eventId())).isNotNull();
        } finally {
            publisher.stop();
        }
    }

    @Test
    void shouldSendTheReadableEventsOfABatchAndKeepTheOneThatCannotBeReadPendingOnItsOwn() {
        OutboxPublisher publisher = publisher(broker.getBrokersAsString());
        OutboxSweeper sweeper = new OutboxSweeper(
                mongo, publisher, new OutboxProperties(null, Duration.ZERO, null, null), Clock.systemUTC(), codec);
        Batch batch = markBatch(3);
        List<OutboxPublisher.Batched> events = batch.events();
        for (int i = 0; i < events.size(); i++) {
            OutboxEntry entry = events.get(i).entry();
            if (i == 1) { // changed by hand into something that cannot be read back
                entry = new OutboxEntry(
                        entry.eventId(),
                        entry.type(),
                        entry.topic(),
                        entry.key(),
                        "{not json",
                        null,
                        entry.createdAt());
            }
            mongo.insert(recordHolding(UUID.fromString(events.get(i).recordId()), entry), "diagnoses");
        }
        publisher.start();
        try {
            // the two readable events are sent, and the batch's marker goes with them
            assertThat(sweeper.sweep()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(30)).until(() -> marker(batch.markerId()) == null);

            // the unreadable one stays pending under a marker of its own, not due for a while
            List<PendingEventMarker> left = mongo.findAll(PendingEventMarker.class, PendingEventMarker.COLLECTION);
            assertThat(left).singleElement().satisfies(aside -> {
                assertThat(aside.events())
                        .containsExactly(new PendingEventMarker.BatchedEvent(
                                events.get(1).entry().eventId(), events.get(1).recordId()));
                assertThat(aside.due())
                        .isAfter(Instant.now().plus(OutboxWriter.WRITING).minusSeconds(60));
            });
            assertThat(sweeper.sweep()).isZero();
        } finally {
            publisher.stop();
        }
    }

    @Test
    void shouldSendTheEventOfARecordWhoseWriteLandedAfterTheSweepFirstLookedForIt() {
        OutboxPublisher publisher = publisher(broker.getBrokersAsString());
        MovableClock clock = new MovableClock(Instant.now());
        OutboxSweeper sweeper = new OutboxSweeper(
                mongo, publisher, new OutboxProperties(null, Duration.ZERO, null, null), clock, codec);
        UUID recordId = UUID.randomUUID();
        Instant accepted = clock.instant();
        OutboxEntry event = pending(recordId, accepted);
        mongo.insert(
                new PendingEventMarker(event.eventId(), "diagnoses", recordId.toString(), accepted),
                PendingEventMarker.COLLECTION);
        publisher.start();
        try {
            // when the sweep looks before the record's slow write has landed
            clock.move(Duration.ofSeconds(20));
            assertThat(sweeper.sweep()).isZero();

            // then the marker stays, out of the way of the sweeps until WRITING has passed
            assertThat(marker(event.eventId())).isNotNull();
            assertThat(marker(event.eventId()).getDate("dueAt").toInstant())
                    .isEqualTo(accepted.plus(OutboxWriter.WRITING).truncatedTo(ChronoUnit.MILLIS));
            mongo.insert(recordHolding(recordId, event), "diagnoses");
            clock.move(Duration.ofMinutes(1));
            assertThat(sweeper.sweep()).isZero();

            // and when it is due again, the event the late record holds is sent, not dropped
            clock.move(OutboxWriter.WRITING);
            sweepUntilNoMarkerIsLeft(sweeper);
        } finally {
            publisher.stop();
        }
    }

    /** A store whose replies to record writes are lost on the way back: each write is applied, and fails. */
    private static final class ReplyLosingStore extends MongoTemplate {

        volatile boolean loseReplies;

        ReplyLosingStore(MongoClient client) {
            super(client, "outbox");
        }

        @Override
        public <T> T insert(T record, String collection) {
            T saved = super.insert(record, collection);
            if (loseReplies && !PendingEventMarker.COLLECTION.equals(collection)) {
                throw new DataAccessResourceFailureException("the reply was lost");
            }
            return saved;
        }

        @Override
        public UpdateResult updateFirst(Query query, UpdateDefinition update, String collection) {
            UpdateResult result = super.updateFirst(query, update, collection);
            if (loseReplies) {
                throw new DataAccessResourceFailureException("the reply was lost");
            }
            return result;
        }
    }

    /** Sweeps as a service would, until every marker has gone (each goes once its events are sent). */
    private void sweepUntilNoMarkerIsLeft(OutboxSweeper sweeper) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    sweeper.sweep();
                    return mongo.getCollection(PendingEventMarker.COLLECTION).countDocuments() == 0;
                });
    }

    /** A batch marker of one record's event, written at {@code created} while its insert runs. */
    private void markWriting(String markerId, String collection, String recordId, Instant created) {
        mongo.insert(
                PendingEventMarker.batch(
                        markerId,
                        collection,
                        List.of(new PendingEventMarker.BatchedEvent("e-" + markerId, recordId)),
                        created,
                        created.plus(OutboxWriter.WRITING)),
                PendingEventMarker.COLLECTION);
    }

    /** New records, each holding its one pending event, as a bulk write hands them to the writer. */
    private List<OutboxWriter.NewDocument> newDocuments(int count) {
        List<OutboxWriter.NewDocument> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(newDocument(UUID.randomUUID()));
        }
        return documents;
    }

    private OutboxWriter.NewDocument newDocument(UUID recordId) {
        OutboxEntry entry = pending(recordId, Instant.now());
        return new OutboxWriter.NewDocument(recordHolding(recordId, entry), recordId.toString(), List.of(entry));
    }

    private Document recordHolding(UUID recordId, OutboxEntry entry) {
        return new Document("_id", recordId.toString())
                .append(
                        "outbox",
                        new Document(entry.eventId(), mongo.getConverter().convertToMongoType(entry.stored())));
    }

    private record Batch(String markerId, List<OutboxPublisher.Batched> events) {}

    /** A batch's records' events, and their one marker in the store, as a bulk write leaves them. */
    private Batch markBatch(int events) {
        String markerId = "batch-" + UUID.randomUUID();
        Instant now = Instant.now();
        List<OutboxPublisher.Batched> batched = new ArrayList<>();
        List<PendingEventMarker.BatchedEvent> listed = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            UUID recordId = UUID.randomUUID();
            OutboxEntry entry = pending(recordId, now);
            batched.add(new OutboxPublisher.Batched(recordId.toString(), entry));
            listed.add(new PendingEventMarker.BatchedEvent(entry.eventId(), recordId.toString()));
        }
        mongo.insert(PendingEventMarker.batch(markerId, "diagnoses", listed, now), PendingEventMarker.COLLECTION);
        return new Batch(markerId, batched);
    }

    private OutboxEntry pending(UUID recordId, Instant now) {
        return OutboxEntry.pending(
                EventEnvelope.of(new DiagnosisVoided(recordId, 2), "pt-batch", now, now, "intake-service", "test"),
                codec,
                now);
    }

    private Document marker(String markerId) {
        return mongo.findById(markerId, Document.class, PendingEventMarker.COLLECTION);
    }

    private OutboxPublisher publisher(String bootstrap) {
        return publisher(bootstrap, null);
    }

    private OutboxPublisher publisher(String bootstrap, Integer queueCapacity) {
        return publisher(bootstrap, queueCapacity, new SimpleMeterRegistry());
    }

    private OutboxPublisher publisher(String bootstrap, Integer queueCapacity, SimpleMeterRegistry meters) {
        KafkaTemplate<String, byte[]> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                1_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                2_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                1_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class)));
        return new OutboxPublisher(kafka, mongo, meters, new OutboxProperties(null, null, null, queueCapacity));
    }
}
