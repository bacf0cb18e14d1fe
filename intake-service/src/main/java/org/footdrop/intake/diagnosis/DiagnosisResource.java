package org.footdrop.intake.diagnosis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.footdrop.support.record.ExternalIdentifier;
import org.footdrop.support.record.RecordStatus;
import org.footdrop.support.record.StoredRecord;

/**
 * A diagnosis as the API returns it: its id, revision and status, then the clinical state, and
 * warnings about values accepted but unusual.
 */
record DiagnosisResource(
        UUID diagnosisId,
        @JsonInclude(JsonInclude.Include.NON_NULL) ExternalIdentifier identifier,
        int revision,
        RecordStatus status,
        Instant recordedAt,
        Instant amendedAt,
        Instant voidedAt,
        @JsonUnwrapped DiagnosisRequest diagnosis,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

    static DiagnosisResource of(StoredRecord<DiagnosisState> record) {
        return new DiagnosisResource(
                record.id(),
                record.identifier(),
                record.revision(),
                record.status(),
                record.recordedAt(),
                record.amendedAt(),
                record.voidedAt(),
                record.state().toRequest(),
                Icd10Codes.warnings(record.state().icd10Codes()));
    }
}
