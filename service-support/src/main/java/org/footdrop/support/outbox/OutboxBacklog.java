package org.footdrop.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * How far behind publishing is: the number of events accepted but not yet confirmed sent, and the
 * age of the oldest. Measured every few seconds from the pending markers (a small collection:
 * markers go as soon as events are sent), so a scrape never touches the store.
 */
public class OutboxBacklog {

    private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Instant> oldest = new AtomicReference<>();

    public OutboxBacklog(MongoTemplate mongo, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.clock = clock;
        Gauge.builder("footdrop.outbox.pending", pending, AtomicLong::get)
                .description("Events accepted but not yet confirmed published")
                .register(meters);
        Gauge.builder("footdrop.outbox.oldest.age", this, OutboxBacklog::oldestAgeSeconds)
                .baseUnit("seconds")
                .description("Age of the oldest event accepted but not yet confirmed published; 0 when none")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${footdrop.outbox.backlog-interval:5s}", initialDelay = 1_000)
    public void measure() {
        try {
            long markers = mongo.getCollection(PendingEventMarker.COLLECTION).estimatedDocumentCount();
            Query unconfirmed =
                    Query.query(Criteria.where(PendingEventMarker.UNCONFIRMED).is(true));
            long waiting = markers == 0 ? 0 : mongo.count(unconfirmed, PendingEventMarker.COLLECTION);
            pending.set(markers - waiting + eventsBeyondOneOfBatchMarkers());
            PendingEventMarker first = mongo.findOne(
                    Query.query(Criteria.where(PendingEventMarker.UNCONFIRMED).ne(true))
                            .with(Sort.by("createdAt"))
                            .limit(1),
                    PendingEventMarker.class,
                    PendingEventMarker.COLLECTION);
            oldest.set(first == null ? null : first.createdAt());
        } catch (RuntimeException e) {
            // The store is away: the last measurement stands (the oldest age keeps growing with the
            // clock), readiness reports the store, and the log is not flooded every few seconds.
            log.debug("Outbox backlog not measured: {}", e.getClass().getSimpleName());
        }
    }

    /** A batch marker stands for all its events: the count adds what each holds beyond one. */
    private long eventsBeyondOneOfBatchMarkers() {
        Query batches = Query.query(
                Criteria.where("size").gt(1).and(PendingEventMarker.UNCONFIRMED).ne(true));
        batches.fields().include("size");
        return mongo.find(batches, Document.class, PendingEventMarker.COLLECTION).stream()
                .mapToLong(marker -> marker.getInteger("size", 1) - 1L)
                .sum();
    }

    double oldestAgeSeconds() {
        Instant first = oldest.get();
        return first == null
                ? 0
                : Math.max(0, Duration.between(first, clock.instant()).toMillis() / 1000.0);
    }
}
