package org.footdrop.support.outbox;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * A pointer to a pending outbox entry, so the sweep can find pending events without scanning the
 * (large) record collections: the embedded store scans on any filter but {@code _id}. Written
 * before the record, deleted after the event is published; a marker whose record never got
 * written is simply dropped by the sweep.
 */
public record PendingEventMarker(@Id String eventId, String collection, String recordId, Instant createdAt) {

    public static final String COLLECTION = "outbox_pending";
}
