package org.footdrop.support.outbox;

/**
 * An outbox entry, the record document that holds it, and the marker that keeps it pending: the
 * event's own, or its batch's, with the attempt that queued it; {@code attempt} is null for an event
 * with a marker of its own.
 */
record PendingEvent(String collection, String recordId, OutboxEntry entry, String markerId, BatchAttempt attempt) {}
