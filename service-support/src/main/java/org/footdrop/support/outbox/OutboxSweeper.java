package org.footdrop.support.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
        List<PendingEventMarker> markers = mongo.find(
                Query.query(Criteria.where("createdAt").lt(cutoff))
                        .with(Sort.by("createdAt"))
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
        List<String> recordIds =
                markers.stream().map(PendingEventMarker::recordId).distinct().toList();
        Map<String, Document> records =
                mongo.find(Query.query(Criteria.where("_id").in(recordIds)), Document.class, collection).stream()
                        .collect(Collectors.toMap(d -> String.valueOf(d.get("_id")), Function.identity()));
        int requeued = 0;
        for (PendingEventMarker marker : markers) {
            OutboxEntry entry = entryOf(records.get(marker.recordId()), marker.eventId());
            if (entry == null) {
                // The record was never written: its write failed after the marker.
                mongo.remove(Query.query(Criteria.where("_id").is(marker.eventId())), PendingEventMarker.COLLECTION);
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

    private OutboxEntry entryOf(Document record, String eventId) {
        if (record == null
                || !(record.get("outbox") instanceof Document outbox)
                || !(outbox.get(eventId) instanceof Document entry)) {
            return null;
        }
        return mongo.getConverter().read(OutboxEntry.class, entry).restored(codec);
    }
}
