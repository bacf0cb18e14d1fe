package org.footdrop.intake.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.UUID;
import org.footdrop.support.record.ExternalIdentifier;
import org.footdrop.support.record.RecordStatus;
import org.footdrop.support.record.StoredRecord;

/** An assessment as the API returns it: its id, revision and status, then the clinical state. */
record AssessmentResource(
        UUID assessmentId,
        @JsonInclude(JsonInclude.Include.NON_NULL) ExternalIdentifier identifier,
        int revision,
        RecordStatus status,
        Instant recordedAt,
        Instant amendedAt,
        Instant voidedAt,
        @JsonUnwrapped AssessmentRequest assessment) {

    static AssessmentResource of(StoredRecord<AssessmentState> record) {
        return new AssessmentResource(
                record.id(),
                record.identifier(),
                record.revision(),
                record.status(),
                record.recordedAt(),
                record.amendedAt(),
                record.voidedAt(),
                record.state().toRequest());
    }
}
