package org.footdrop.support.record;

import java.time.Instant;
import java.util.UUID;

/**
 * One clinical record at one revision, as the API shows it.
 *
 * @param state the clinical state at this revision (for a voided record, the last one before the void)
 * @param identifier the clinic's own id for the record, or null
 */
public record StoredRecord<S>(
        UUID id,
        String patientId,
        int revision,
        RecordStatus status,
        S state,
        Instant recordedAt,
        Instant amendedAt,
        Instant voidedAt,
        ExternalIdentifier identifier) {

    /** The entity tag clients send back in If-Match. */
    public String etag() {
        return Integer.toString(revision);
    }
}
