package org.footdrop.outcomes.projection;

import java.time.Instant;
import java.util.UUID;
import org.footdrop.contract.EventPayload;
import org.footdrop.contract.StatePayload;

/**
 * One clinical record as the projection knows it: the highest revision seen and whether it was
 * voided. Readers keep the highest revision, so amendments arriving out of order converge.
 *
 * @param latest the payload of the highest non-void revision seen (null if only the void arrived)
 * @param occurredAt clinical time of that revision
 * @param recordedAt when the write side accepted that revision
 * @param importJob the bulk import that brought that revision in, or null for a live write (and for
 *     every revision stored before imports existed): the record's only provenance
 */
public record RecordFacts<P extends EventPayload>(
        UUID recordId,
        int revision,
        P latest,
        Instant occurredAt,
        Instant recordedAt,
        boolean voided,
        String importJob) {

    /** Brought in by a bulk import rather than entered live. */
    public boolean imported() {
        return importJob != null;
    }

    public boolean counts() {
        return !voided && latest != null;
    }

    /**
     * The record's latest clinical state, e.g. {@code state(Injection.class)}: every revision but a
     * void carries it ({@link StatePayload}).
     */
    public <S> S state(Class<S> type) {
        return type.cast(((StatePayload<?>) latest).state());
    }
}
