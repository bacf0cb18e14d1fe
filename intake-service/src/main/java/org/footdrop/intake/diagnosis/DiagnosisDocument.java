package org.footdrop.intake.diagnosis;

import java.time.Instant;
import java.util.Map;
import org.footdrop.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;

/**
 * One diagnosis, its idempotency fingerprint and its outbox, in one document so that a write is
 * one atomic single-document write. {@code revisionKey} ("id#revision") has a unique index: an
 * amend filters on it alone, which makes the If-Match check atomic without a compound filter.
 */
record DiagnosisDocument(
        @Id String id,
        String patientId,
        int revision,
        String revisionKey,
        RecordStatus status,
        DiagnosisRequest state,
        String requestHash,
        Instant recordedAt,
        Instant amendedAt,
        Map<String, OutboxEntry> outbox) {

    static final String COLLECTION = "diagnoses";

    static String revisionKey(String id, int revision) {
        return id + "#" + revision;
    }
}
