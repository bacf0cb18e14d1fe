package org.footdrop.support.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.footdrop.contract.EventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Re-sends events left pending after a crash or while the broker was away. It reads only the
 * small marker collection and then the records it points at by {@code _id}, so it never scans
 * the record collections.
 */
public class OutboxSweeper {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);

    private final MongoTemplate mongo;
    private final OutboxPublisher publisher;
    private final OutboxProperties properties;
    private final Clock clock;
    private final EventCodec codec;

    public OutboxSweeper(
            MongoTemplate mongo,
            OutboxPublisher publisher,
            OutboxProperties properties,
            Clock clock,
            EventCodec codec) {
        this.mongo = mongo;
        this.codec = codec;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${footdrop.outbox.sweep-interval:5s}",
            initialDelayString = "${footdrop.outbox.sweep-interval:5s}")
    public void scheduledSweep() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Outbox sweep failed, will try again: {}", e.toString());
        }
    }

    /** Re-queues pending events older than the grace period; returns how many it re-queued. */
    public int sweep() {
        Instant cutoff = clock.instant().minus(properties.sweepGrace());
        // due by dueAt; a marker written before it existed is due at its creation
        List<PendingEventMarker> markers = mongo.find(
                Query.query(new Criteria()
                                .orOperator(
                                        Criteria.where("dueAt").lt(cutoff),
                                        Criteria.where("dueAt")
                                                .is(null)
                                                .and("createdAt")
                                                .lt(cutoff)))
                        .with(Sort.by("dueAt", "createdAt"))
                        .limit(properties.sweepBatch()),
                PendingEventMarker.class,
                PendingEventMarker.COLLECTION);
        int requeued = 0;
        Map<String, List<PendingEventMarker>> byCollection = markers.stream()
                .filter(marker -> !publisher.isInFlight(marker.eventId()))
                .collect(Collectors.groupingBy(PendingEventMarker::collection));
        for (var entry : byCollection.entrySet()) {
            requeued += sweep(entry.getKey(), entry.getValue());
        }
        return requeued;
    }

    private int sweep(String collection, List<PendingEventMarker> markers) {
        int requeued = 0;
        for (PendingEventMarker marker : markers) {
            if (marker.isBatch()) {
                // each batch alone: hundreds of records, read once the batch is due
                requeued += sweepBatch(collection, marker);
            }
        }
        Map<String, Document> records = records(
                collection,
                markers.stream()
                        .filter(marker -> !marker.isBatch())
                        .map(PendingEventMarker::recordId)
                        .toList());
        for (PendingEventMarker marker : markers) {
            if (marker.isBatch()) {
                continue;
            }
            OutboxEntry entry;
            try {
                entry = entryOf(records.get(marker.recordId()), marker.eventId());
            } catch (RuntimeException unreadable) {
                setAside(marker, unreadable);
                continue;
            }
            if (entry == null) {
                dropOrWait(marker);
                continue;
            }
            publisher.enqueue(collection, marker.recordId(), List.of(entry));
            requeued++;
        }
        if (requeued > 0) {
            log.info("Outbox sweep re-queued {} pending events from {}", requeued, collection);
        }
        return requeued;
    }

    /**
     * Re-queues the events of a batch marker that its records hold; the others were never written
     * (the batch's insert failed after the marker) or belong to a record stored before under the same
     * id (a re-import), whose own event is not this one.
     */
    private int sweepBatch(String collection, PendingEventMarker marker) {
        Map<String, Document> records = records(
                collection,
                marker.events().stream()
                        .map(PendingEventMarker.BatchedEvent::recordId)
                        .toList());
        List<OutboxPublisher.Batched> found = new ArrayList<>();
        List<PendingEventMarker.BatchedEvent> unreadable = new ArrayList<>();
        RuntimeException why = null;
        for (PendingEventMarker.BatchedEvent event : marker.events()) {
            try {
                OutboxEntry entry = entryOf(records.get(event.recordId()), event.eventId());
                if (entry != null) {
                    found.add(new OutboxPublisher.Batched(event.recordId(), entry));
                }
            } catch (RuntimeException e) {
                unreadable.add(event);
                why = e;
            }
        }
        if (!unreadable.isEmpty()) {
            if (found.isEmpty()) {
                setAside(marker, why);
                return 0;
            }
            // the unreadable ones under a marker of their own, written before this one can go with the rest
            PendingEventMarker aside = PendingEventMarker.batch(
                    "batch-" + UUID.randomUUID(),
                    collection,
                    unreadable,
                    marker.createdAt(),
                    clock.instant().plus(OutboxWriter.WRITING));
            mongo.insert(aside, PendingEventMarker.COLLECTION);
            log.warn(
                    "Outbox marker {} of {}: {} events cannot be read ({}); left pending under {}, looked at again in {}",
                    marker.eventId(),
                    collection,
                    unreadable.size(),
                    why.getClass().getName(),
                    aside.eventId(),
                    OutboxWriter.WRITING);
        }
        if (found.isEmpty()) {
            dropOrWait(marker);
            return 0;
        }
        if (found.size() > publisher.maxBatch()) {
            splitIntoParts(collection, marker, found);
            return 0;
        }
        return publisher.enqueueBatch(collection, marker.eventId(), found) ? found.size() : 0;
    }

    /**
     * A batch of more events than the publisher takes at once (its queue was made smaller since) would
     * never be taken whole: its events go under markers of parts that fit, written before the batch's
     * goes.
     */
    private void splitIntoParts(String collection, PendingEventMarker marker, List<OutboxPublisher.Batched> found) {
        int part = publisher.maxBatch();
        for (int from = 0; from < found.size(); from += part) {
            List<PendingEventMarker.BatchedEvent> events =
                    found.subList(from, Math.min(found.size(), from + part)).stream()
                            .map(event -> new PendingEventMarker.BatchedEvent(
                                    event.entry().eventId(), event.recordId()))
                            .toList();
            mongo.insert(
                    PendingEventMarker.batch(
                            "batch-" + UUID.randomUUID(), collection, events, marker.createdAt(), marker.due()),
                    PendingEventMarker.COLLECTION);
        }
        drop(marker);
        log.info("Outbox sweep split a batch of {} pending events into parts of {}", found.size(), part);
    }

    private Map<String, Document> records(String collection, List<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mongo
                .find(
                        Query.query(
                                Criteria.where("_id").in(ids.stream().distinct().toList())),
                        Document.class,
                        collection)
                .stream()
                .collect(Collectors.toMap(d -> String.valueOf(d.get("_id")), Function.identity()));
    }

    /**
     * No record holds the marker's events. Its write failed, or is still on its way: a write has no
     * time limit, and one that lands after its marker is gone has its event lost should sending it
     * then fail. So a marker goes only once {@link OutboxWriter#WRITING} has passed since its events
     * were accepted; until then it is due again at that time, out of the way of the sweeps between.
     */
    private void dropOrWait(PendingEventMarker marker) {
        Instant giveUpAt = marker.createdAt().plus(OutboxWriter.WRITING);
        if (!clock.instant().isBefore(giveUpAt)) {
            drop(marker);
            return;
        }
        // unconfirmed: the backlog leaves it out (its events may never have been accepted)
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(marker.eventId())),
                Update.update("dueAt", giveUpAt).set(PendingEventMarker.UNCONFIRMED, true),
                PendingEventMarker.COLLECTION);
    }

    /**
     * An event its record holds but that cannot be read back (a stored document changed by hand, say)
     * must not stop the sweep of every other: it stays pending, so the outbox's oldest age shows it,
     * and is looked at again after {@link OutboxWriter#WRITING}. The reason's class only: its message
     * may quote the payload.
     */
    private void setAside(PendingEventMarker marker, RuntimeException unreadable) {
        log.warn(
                "Outbox marker {} of {} cannot be read ({}); left pending, looked at again in {}",
                marker.eventId(),
                marker.collection(),
                unreadable.getClass().getName(),
                OutboxWriter.WRITING);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(marker.eventId())),
                Update.update("dueAt", clock.instant().plus(OutboxWriter.WRITING)),
                PendingEventMarker.COLLECTION);
    }

    private void drop(PendingEventMarker marker) {
        mongo.remove(Query.query(Criteria.where("_id").is(marker.eventId())), PendingEventMarker.COLLECTION);
    }

    private OutboxEntry entryOf(Document record, String eventId) {
        if (record == null
                || !(record.get("outbox") instanceof Document outbox)
                || !(outbox.get(eventId) instanceof Document entry)) {
            return null;
        }
        return mongo.getConverter().read(OutboxEntry.class, entry).restored(codec);
    }
}
