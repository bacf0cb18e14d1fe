package org.footdrop.support.outbox;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * A pointer to pending outbox entries, so the sweep can find pending events without scanning the
 * (large) record collections: the embedded store scans on any filter but {@code _id}. Written
 * before the record, deleted after the event is published; a marker whose record never got
 * written is simply dropped by the sweep.
 *
 * <p>A live write's marker is keyed by its one event's id. A bulk write's batch has one marker for
 * all its records, keyed by an id of its own ({@link #events} lists them, {@link #size} counts them),
 * so that the bookkeeping of a batch of hundreds of records is one insert and one delete, not hundreds
 * of each. A marker written before batches existed has neither field ({@code size} is then null).
 */
public record PendingEventMarker(
        @Id String eventId,
        String collection,
        String recordId,
        Instant createdAt,
        List<BatchedEvent> events,
        Integer size) {

    public static final String COLLECTION = "outbox_pending";

    /** One event of a batch marker and the record document that holds it. */
    public record BatchedEvent(String eventId, String recordId) {}

    /** The marker of one record's events (a live write). */
    public PendingEventMarker(String eventId, String collection, String recordId, Instant createdAt) {
        this(eventId, collection, recordId, createdAt, null, 1);
    }

    /** The one marker of a batch's events, under an id of its own. */
    public static PendingEventMarker batch(String id, String collection, List<BatchedEvent> events, Instant createdAt) {
        return new PendingEventMarker(id, collection, null, createdAt, List.copyOf(events), events.size());
    }

    boolean isBatch() {
        return events != null;
    }
}
