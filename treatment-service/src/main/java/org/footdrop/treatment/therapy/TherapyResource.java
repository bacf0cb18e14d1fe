package org.footdrop.treatment.therapy;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.footdrop.support.record.RecordStatus;
import org.footdrop.support.record.StoredRecord;

/** A prescription as the API returns it, with planned, logged and attended sessions and adherence. */
record TherapyResource(
        UUID therapyId,
        int revision,
        RecordStatus status,
        Instant recordedAt,
        Instant amendedAt,
        Instant voidedAt,
        @JsonUnwrapped TherapyRequest therapy,
        int plannedSessions,
        int loggedSessions,
        int attendedSessions,
        BigDecimal adherence) {

    static TherapyResource of(StoredRecord<TherapyState> r, TherapyService.Adherence a) {
        return new TherapyResource(
                r.id(),
                r.revision(),
                r.status(),
                r.recordedAt(),
                r.amendedAt(),
                r.voidedAt(),
                r.state().toRequest(),
                a.plannedSessions(),
                a.loggedSessions(),
                a.attendedSessions(),
                a.adherence());
    }
}
