package org.footdrop.support.imports;

import java.time.Duration;
import java.time.Instant;

/**
 * A bulk import as its caller follows it.
 *
 * @param linesRead lines of the file read so far, of every kind
 * @param linesToImport lines of the kinds this service owns, once the file is read
 * @param processed of those, how many have been applied (accepted, already present or refused)
 * @param otherService lines of kinds another service owns, left to it
 * @param linesPerSecond the rate of processing since it began
 */
public record ImportJob(
        String jobId,
        Status status,
        String system,
        String startedBy,
        Instant createdAt,
        Instant processingStartedAt,
        Instant finishedAt,
        long linesRead,
        long linesToImport,
        long processed,
        long accepted,
        long alreadyPresent,
        long refused,
        long otherService,
        Double linesPerSecond,
        String failure) {

    public enum Status {
        /** The file is being uploaded and sorted. */
        RECEIVING,
        /** Read whole; waiting for its turn. */
        QUEUED,
        RUNNING,
        COMPLETED,
        CANCELLED,
        /** Stopped without finishing; {@code failure} says why and what to do. */
        FAILED;

        boolean finished() {
            return this == COMPLETED || this == CANCELLED || this == FAILED;
        }
    }

    static Double rate(long processed, Instant started, Instant until) {
        if (started == null) {
            return null;
        }
        long millis = Duration.between(started, until).toMillis();
        return millis <= 0 ? null : processed * 1000.0 / millis;
    }
}
