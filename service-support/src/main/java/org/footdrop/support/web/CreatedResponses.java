package org.footdrop.support.web;

import java.net.URI;
import org.footdrop.support.record.ClinicalRecords;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a POST that creates a record: 201 with its location and revision. A create that
 * found its record already stored (the same Idempotency-Key or Record-Identifier with the same
 * body) answers the same, marked {@code Idempotent-Replayed: true}, so a caller (the FHIR facade's
 * conditional create) can tell that nothing new was written.
 */
public final class CreatedResponses {

    public static final String REPLAYED = "Idempotent-Replayed";

    private CreatedResponses() {}

    public static ResponseEntity.BodyBuilder of(String location, ClinicalRecords.Created<?> created) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.created(URI.create(location))
                .eTag(created.record().etag());
        return created.created() ? answer : answer.header(REPLAYED, "true");
    }
}
