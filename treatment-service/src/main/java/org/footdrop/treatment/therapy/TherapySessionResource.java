package org.footdrop.treatment.therapy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.footdrop.support.record.RecordStatus;
import org.footdrop.support.record.StoredRecord;

record TherapySessionResource(
        UUID sessionId,
        UUID therapyId,
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
                r.state().therapyId(),
                r.revision(),
                r.status(),
                r.state().date(),
                r.state().attended(),
                r.recordedAt(),
                r.amendedAt(),
                r.voidedAt());
    }
}
