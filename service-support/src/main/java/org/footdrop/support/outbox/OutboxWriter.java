package org.footdrop.support.outbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.footdrop.contract.CloudEventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Accepts a write only once it is durable: the record and its pending events go into ONE document
 * (single-document writes are atomic), then the publisher sends them. The pending markers are
 * written first, so a crash at any point leaves either nothing, a marker the sweep drops, or a
 * record whose events the sweep re-sends.
 */
public class OutboxWriter {

    private static final Logger log = LoggerFactory.getLogger(OutboxWriter.class);

    /**
     * How far ahead a batch marker is due while its records are inserted: a sweep takes it only once
     * due (and past the grace period), and a writer that dies mid-insert leaves it due this much later.
     * Its creation time stays the acceptance's, which the backlog's oldest age reads. Also how long
     * the sweep keeps a marker whose events no record holds: its write may still land.
     */
    static final Duration WRITING = Duration.ofMinutes(10);

    private final MongoTemplate mongo;
    private final OutboxPublisher publisher;
    private final Clock clock;
    private final MeterRegistry meters;

    /** When this writer, and with it its service, started: the markers written before are no live writer's. */
    private final Instant started;

    public OutboxWriter(MongoTemplate mongo, OutboxPublisher publisher, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.clock = clock;
        this.meters = meters;
        this.started = clock.instant();
    }

    /**
     * Inserts a new record document whose {@code outbox} map already holds {@code events}, each as
     * {@link OutboxEntry#stored()}. A duplicate-key failure (a retried create) propagates after the
     * markers are removed. Any other failure leaves them: the write's outcome is not known (a reply
     * lost on the way stores the record all the same), and the sweep sends what the record holds or
     * drops a marker whose record does not hold its event.
     */
    public <T> T insert(T document, String collection, String recordId, List<OutboxEntry> events) {
        writeMarkers(collection, recordId, events);
        T saved;
        try {
            saved = mongo.insert(document, collection);
        } catch (DuplicateKeyException notWritten) {
            removeMarkersQuietly(events);
            throw notWritten;
        }
        accepted(events);
        publisher.enqueue(collection, recordId, events);
        return saved;
    }

    /** One record document of a bulk insert and the events already in its outbox map. */
    public record NewDocument(Document document, String recordId, List<OutboxEntry> events) {}

    /**
     * Inserts many record documents in one unordered write (a bulk import's batch): first ONE marker
     * for all their events, so a batch's bookkeeping is one document, not one a record. Returns the ids
     * that were inserted; a document whose {@code _id} exists already is left out (its events are not
     * pending: the sweep finds no such event in the stored record) for the caller to look at.
     */
    public Set<String> insertAll(String collection, List<NewDocument> documents) {
        if (documents.isEmpty()) {
            return Set.of();
        }
        if (documents.size() > 1
                && documents.stream().mapToInt(d -> d.events().size()).sum() > publisher.maxBatch()) {
            // the publisher takes a batch whole or not at all: a larger one goes in parts
            int half = documents.size() / 2;
            Set<String> inserted = new HashSet<>(insertAll(collection, documents.subList(0, half)));
            inserted.addAll(insertAll(collection, documents.subList(half, documents.size())));
            return inserted;
        }
        List<PendingEventMarker.BatchedEvent> batched = new ArrayList<>();
        for (NewDocument d : documents) {
            for (OutboxEntry event : d.events()) {
                batched.add(new PendingEventMarker.BatchedEvent(event.eventId(), d.recordId()));
            }
        }
        String markerId = "batch-" + UUID.randomUUID();
        // claimed before it exists: this instance's sweep leaves it to this writer
        if (!publisher.claim(markerId)) {
            throw new IllegalStateException("Batch marker " + markerId + " is taken already");
        }
        boolean claimEnded = false;
        Instant created = clock.instant();
        try {
            // due only once its records are in, so that no instance's sweep takes a batch half inserted
            mongo.insert(
                    PendingEventMarker.batch(markerId, collection, batched, created, created.plus(WRITING)),
                    PendingEventMarker.COLLECTION);
            Set<Integer> duplicates = insertRecords(collection, markerId, created, batched, documents);
            Set<String> inserted = new HashSet<>();
            List<OutboxPublisher.Batched> pending = new ArrayList<>();
            for (int i = 0; i < documents.size(); i++) {
                NewDocument d = documents.get(i);
                if (duplicates.contains(i)) {
                    continue;
                }
                inserted.add(d.recordId());
                accepted(d.events());
                d.events().forEach(event -> pending.add(new OutboxPublisher.Batched(d.recordId(), event)));
            }
            if (pending.isEmpty()) {
                removeMarkerQuietly(markerId); // else the sweep drops it: no record holds its events
                return inserted;
            }
            markDue(collection, markerId, created, batched, null);
            claimEnded = true;
            publisher.enqueueClaimedBatch(collection, markerId, pending);
            return inserted;
        } finally {
            if (!claimEnded) {
                publisher.release(markerId);
            }
        }
    }

    /**
     * Makes due now the batch markers that list these records, are not due yet, and were written
     * before this writer started. A writer killed inside its batch's insert leaves the records it
     * stored under a marker due {@link #WRITING} later; the caller that meets them again as its own
     * (an import job resumed after a restart) would otherwise have their events reach the consumers
     * that much late. A marker written since this writer started is left alone: its writer may be
     * inserting still (another instance's, say), and a sweep must not take its batch half inserted.
     * Never fails the caller: this only brings sending forward.
     */
    public void hasten(String collection, Collection<String> recordIds) {
        if (recordIds.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        try {
            long hastened = mongo.updateMulti(
                            Query.query(Criteria.where("collection")
                                    .is(collection)
                                    .and("events.recordId")
                                    .in(recordIds)
                                    .and("dueAt")
                                    .gt(now)
                                    .and("createdAt")
                                    .lt(started)),
                            Update.update("dueAt", now),
                            PendingEventMarker.class,
                            PendingEventMarker.COLLECTION)
                    .getModifiedCount();
            if (hastened > 0) {
                log.info("{} batch markers left by an interrupted insert made due now", hastened);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Batch markers of {} records not made due now, due when {} has passed: {}",
                    recordIds.size(),
                    WRITING,
                    e.toString());
        }
    }

    /**
     * The batch's one unordered insert; the indexes of the documents already stored. On any other
     * failure some records may be stored: the marker stays, due at once, and the sweep sends what they
     * hold.
     */
    private Set<Integer> insertRecords(
            String collection,
            String markerId,
            Instant created,
            List<PendingEventMarker.BatchedEvent> batched,
            List<NewDocument> documents) {
        Set<Integer> duplicates = new HashSet<>();
        try {
            mongo.getCollection(collection)
                    .insertMany(
                            documents.stream().map(NewDocument::document).toList(),
                            new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    markDue(collection, markerId, created, batched, e);
                    throw e;
                }
                duplicates.add(error.getIndex());
            }
        } catch (RuntimeException e) {
            markDue(collection, markerId, created, batched, e);
            throw e;
        }
        return duplicates;
    }

    /**
     * Makes the batch's marker due now, writing it whole: should an insert have outlived {@link #WRITING}
     * and another instance's sweep have removed the marker, it is back (at-least-once). Never fails the
     * batch, whose records are stored or not by now: if the store is away, the marker comes due when
     * {@link #WRITING} has passed, and the publisher removes it once its events are sent in any case.
     */
    private void markDue(
            String collection,
            String markerId,
            Instant created,
            List<PendingEventMarker.BatchedEvent> batched,
            RuntimeException cause) {
        try {
            mongo.save(
                    PendingEventMarker.batch(markerId, collection, batched, created, clock.instant()),
                    PendingEventMarker.COLLECTION);
        } catch (RuntimeException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            } else {
                log.warn("Batch marker {} not made due now, due in {}: {}", markerId, WRITING, e.toString());
            }
        }
    }

    private void removeMarkerQuietly(String markerId) {
        try {
            removeMarker(markerId);
        } catch (RuntimeException e) {
            log.warn("Batch marker {} of duplicates only not removed, the sweep will: {}", markerId, e.toString());
        }
    }

    /**
     * Applies {@code update} to the one document {@code query} selects, adding {@code events} to its
     * outbox in the same write. Returns false when nothing matched, removing its markers (should that
     * fail, the sweep drops them: no record holds their events).
     */
    public boolean update(Query query, Update update, String collection, String recordId, List<OutboxEntry> events) {
        writeMarkers(collection, recordId, events);
        events.forEach(event -> update.set("outbox." + event.eventId(), event.stored()));
        // a failure leaves the markers, as for an insert: the update may have been applied
        boolean matched = mongo.updateFirst(query, update, collection).getMatchedCount() == 1;
        if (!matched) {
            removeMarkersQuietly(events);
            return false;
        }
        accepted(events);
        publisher.enqueue(collection, recordId, events);
        return true;
    }

    /** Counted once durable: an accepted event is one the clinic was told is safe. */
    private void accepted(List<OutboxEntry> events) {
        for (OutboxEntry event : events) {
            meters.counter(
                            "footdrop.events.accepted",
                            "type",
                            event.type(),
                            "source",
                            event.headers().getOrDefault(CloudEventHeaders.SOURCE, "unknown"))
                    .increment();
        }
    }

    private void writeMarkers(String collection, String recordId, List<OutboxEntry> events) {
        List<PendingEventMarker> markers = events.stream()
                .map(e -> new PendingEventMarker(e.eventId(), collection, recordId, clock.instant()))
                .toList();
        mongo.insert(markers, PendingEventMarker.COLLECTION);
    }

    private void removeMarker(String markerId) {
        mongo.remove(Query.query(Criteria.where("_id").is(markerId)), PendingEventMarker.COLLECTION);
    }

    /** Markers of events no record holds; if they cannot be removed now, the sweep drops them. */
    private void removeMarkersQuietly(List<OutboxEntry> events) {
        List<String> ids = events.stream().map(OutboxEntry::eventId).toList();
        try {
            mongo.remove(Query.query(Criteria.where("_id").in(ids)), PendingEventMarker.COLLECTION);
        } catch (RuntimeException e) {
            log.warn("Markers of {} events not written not removed, the sweep will: {}", ids.size(), e.toString());
        }
    }
}
