package org.footdrop.support.record;

import java.util.UUID;

/**
 * A write or read the records engine refuses, with the reason in clinical terms; the web platform
 * turns it into problem+json, a bulk import into a refused line. The engine knows nothing of HTTP.
 */
public class RecordRefusedException extends RuntimeException {

    /** Why a record operation was refused. */
    public enum Reason {
        /** No record of the kind has the id. */
        NOT_FOUND,
        /** The record was voided; a void is final. */
        VOIDED,
        /** The revision the caller corrects is no longer current. */
        STALE_REVISION,
        /** An Idempotency-Key, or a record's external identifier, was already used with another body. */
        KEY_REUSED,
        /** A field the engine owns cannot take the value (e.g. the patient of an amend). */
        INVALID_FIELD
    }

    private final Reason reason;
    private final String field;
    private final UUID existing;

    public RecordRefusedException(Reason reason, String detail) {
        this(reason, null, detail);
    }

    /** @param field the request field at fault, for {@link Reason#INVALID_FIELD} */
    public RecordRefusedException(Reason reason, String field, String detail) {
        this(reason, field, detail, null);
    }

    private RecordRefusedException(Reason reason, String field, String detail, UUID existing) {
        super(detail);
        this.reason = reason;
        this.field = field;
        this.existing = existing;
    }

    /**
     * A record's external identifier already carried by another state: the refusal names that
     * record, so a caller that wants FHIR's conditional create can answer it as the match.
     */
    static RecordRefusedException identifierTaken(UUID existing, String detail) {
        return new RecordRefusedException(Reason.KEY_REUSED, null, detail, existing);
    }

    public Reason reason() {
        return reason;
    }

    /** The field at fault, or null. */
    public String field() {
        return field;
    }

    /** The record that already carries the identifier, for a taken identifier; otherwise null. */
    public UUID existing() {
        return existing;
    }
}
