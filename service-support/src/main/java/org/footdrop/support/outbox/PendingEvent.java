package org.footdrop.support.outbox;

/** An outbox entry, the record document that holds it, and the id of the marker that keeps it pending. */
record PendingEvent(String collection, String recordId, OutboxEntry entry, String markerId) {}
