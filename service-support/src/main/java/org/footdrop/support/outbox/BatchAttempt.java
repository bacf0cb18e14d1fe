package org.footdrop.support.outbox;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One sending of a batch marker's events: those not acknowledged yet, and those the broker has
 * acknowledged. Compared by identity: two attempts with the same events unsent are still two.
 */
final class BatchAttempt {

    private final Set<String> unsent = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    BatchAttempt(Collection<String> eventIds) {
        unsent.addAll(eventIds);
    }

    /** Notes the event acknowledged; true when it was the last one unsent. */
    boolean acknowledge(String eventId) {
        acknowledged.add(eventId);
        return unsent.remove(eventId) && unsent.isEmpty();
    }

    /** The events acknowledged so far. */
    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }
}
