package org.footdrop.intake.diagnosis;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.UUID;
import org.footdrop.support.record.RecordStatus;
import org.footdrop.support.record.StoredRecord;

/** A diagnosis as the API returns it: its id, revision and status, then the clinical state. */
record DiagnosisResource(
        UUID diagnosisId,
        int revision,
        RecordStatus status,
        Instant recordedAt,
        Instant amendedAt,
        Instant voidedAt,
        @JsonUnwrapped DiagnosisRequest diagnosis) {

    static DiagnosisResource of(StoredRecord<DiagnosisRequest> record) {
        return new DiagnosisResource(record.id(), record.revision(), record.status(), record.recordedAt(),
                record.amendedAt(), record.voidedAt(), record.state());
    }
}
