package org.footdrop.treatment.therapy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.footdrop.support.record.ExternalIdentifier;
import org.footdrop.support.record.RecordStatus;
import org.footdrop.support.record.StoredRecord;

record TherapySessionResource(
        UUID sessionId,
        @JsonInclude(JsonInclude.Include.NON_NULL) ExternalIdentifier identifier,
        UUID therapyId,
        String patientId,
        int revision,
        RecordStatus status,
        LocalDate date,
        Boolean attended,
        Instant recordedAt,
        Instant amendedAt,
        Instant voidedAt) {

    static TherapySessionResource of(StoredRecord<TherapySessionState> r) {
        return new TherapySessionResource(
                r.id(),
                r.identifier(),
                r.state().therapyId(),
                r.state().patientId(),
                r.revision(),
                r.status(),
                r.state().date(),
                r.state().attended(),
                r.recordedAt(),
                r.amendedAt(),
                r.voidedAt());
    }
}
