package org.footdrop.intake.diagnosis;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.UUID;

/** A diagnosis as the API returns it: its id, revision and status, then the clinical state. */
record DiagnosisResource(
        UUID diagnosisId,
        int revision,
        RecordStatus status,
        Instant recordedAt,
        Instant amendedAt,
        @JsonUnwrapped DiagnosisRequest diagnosis) {

    static DiagnosisResource of(DiagnosisDocument document) {
        return new DiagnosisResource(UUID.fromString(document.id()), document.revision(), document.status(),
                document.recordedAt(), document.amendedAt(), document.state());
    }
}
