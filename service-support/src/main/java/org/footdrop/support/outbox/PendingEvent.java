package org.footdrop.support.outbox;

/** An outbox entry and the record document that holds it. */
record PendingEvent(String collection, String recordId, OutboxEntry entry) {}
