package org.footdrop.support.outbox;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * A pointer to pending outbox entries, so the sweep can find pending events without scanning the
 * (large) record collections: the embedded store scans on any filter but {@code _id}. Written
 * before the record, deleted after the event is published; a marker whose record never got
 * written is dropped by the sweep once its write can no longer land ({@link OutboxWriter#WRITING}).
 *
 * <p>A live write's marker is keyed by its one event's id. A bulk write's batch has one marker for
 * all its records, keyed by an id of its own ({@link #events} lists them, {@link #size} counts them),
 * so that the bookkeeping of a batch of hundreds of records is one insert and one delete, not hundreds
 * of each. A marker written before batches existed has neither field ({@code size} is then null).
 *
 * <p>{@link #createdAt} is when its events were accepted, which the backlog's oldest age reads;
 * {@link #dueAt} is when the sweep may take it, later for a batch whose records are still being
 * inserted. A marker written before {@code dueAt} existed has none: it is due at its creation.
 */
public record PendingEventMarker(
        @Id String eventId,
        String collection,
        String recordId,
        Instant createdAt,
        List<BatchedEvent> events,
        Integer size,
        Instant dueAt) {

    public static final String COLLECTION = "outbox_pending";
    /**
     * Set on a marker the sweep found no record for, while that record's write may still land: its
     * events were perhaps never accepted (the client was told the write failed), so the backlog, which
     * counts accepted events, leaves it out. Not a component: the sweep alone writes it.
     */
    static final String UNCONFIRMED = "unconfirmed";

    /** One event of a batch marker and the record document that holds it. */
    public record BatchedEvent(String eventId, String recordId) {}

    /** The marker of one record's events (a live write). */
    public PendingEventMarker(String eventId, String collection, String recordId, Instant createdAt) {
        this(eventId, collection, recordId, createdAt, null, 1, createdAt);
    }

    /** The one marker of a batch's events, under an id of its own, due at once. */
    public static PendingEventMarker batch(String id, String collection, List<BatchedEvent> events, Instant createdAt) {
        return batch(id, collection, events, createdAt, createdAt);
    }

    /** The one marker of a batch's events, under an id of its own, due for the sweep at {@code dueAt}. */
    public static PendingEventMarker batch(
            String id, String collection, List<BatchedEvent> events, Instant createdAt, Instant dueAt) {
        return new PendingEventMarker(id, collection, null, createdAt, List.copyOf(events), events.size(), dueAt);
    }

    /** When the sweep may take it. */
    Instant due() {
        return dueAt != null ? dueAt : createdAt;
    }

    boolean isBatch() {
        return events != null;
    }
}
