package org.footdrop.outcomes.deadletter;

import java.time.Instant;

/**
 * One record on the dead-letter topic, without its payload: where it is, whose it is, why it can
 * never be projected as it is, and whether it was re-driven.
 */
public record DeadLetter(
        int partition,
        long offset,
        String patientId,
        String reason,
        String originalTopic,
        Instant deadLetteredAt,
        int bytes,
        Redrive redrive) {

    /** When and by whom the record was re-driven, and where it went. */
    public record Redrive(Instant at, String by, String topic, long offset) {}

    String id() {
        return partition + "-" + offset;
    }
}
