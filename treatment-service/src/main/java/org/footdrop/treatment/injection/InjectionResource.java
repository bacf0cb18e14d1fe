package org.footdrop.treatment.injection;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.footdrop.contract.vocabulary.Spacing;
import org.footdrop.support.record.ExternalIdentifier;
import org.footdrop.support.record.RecordStatus;
import org.footdrop.support.record.StoredRecord;

/**
 * An injection as the API returns it. In the patient's series view it also carries its place in
 * the series (nth, days since the previous injection, spacing); after a write, any warnings.
 */
record InjectionResource(
        UUID injectionId,
        @JsonInclude(JsonInclude.Include.NON_NULL) ExternalIdentifier identifier,
        int revision,
        RecordStatus status,
        Instant recordedAt,
        Instant amendedAt,
        Instant voidedAt,
        Integer nth,
        Long intervalDays,
        Spacing spacing,
        @JsonUnwrapped InjectionRequest injection,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

    static InjectionResource of(StoredRecord<InjectionState> r, List<String> warnings) {
        return new InjectionResource(
                r.id(),
                r.identifier(),
                r.revision(),
                r.status(),
                r.recordedAt(),
                r.amendedAt(),
                r.voidedAt(),
                null,
                null,
                null,
                r.state().toRequest(),
                warnings);
    }

    static InjectionResource of(PatientSeries.Entry e) {
        StoredRecord<InjectionState> r = e.injection();
        return new InjectionResource(
                r.id(),
                r.identifier(),
                r.revision(),
                r.status(),
                r.recordedAt(),
                r.amendedAt(),
                r.voidedAt(),
                e.nth(),
                e.intervalDays(),
                e.spacing(),
                r.state().toRequest(),
                List.of());
    }
}
