package org.footdrop.treatment.therapy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.footdrop.support.record.ExternalIdentifier;
import org.footdrop.support.record.RecordStatus;
import org.footdrop.support.record.StoredRecord;

/** A prescription as the API returns it, with planned, logged and attended sessions and adherence. */
record TherapyResource(
        UUID therapyId,
        @JsonInclude(JsonInclude.Include.NON_NULL) ExternalIdentifier identifier,
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
                r.identifier(),
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
