package org.footdrop.support.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.footdrop.support.record.RecordRefusedException;
import org.springframework.http.HttpStatus;

/**
 * A request the service refuses for a clinical or protocol reason; rendered as problem+json with
 * its type, status and the fields it names.
 */
public class ClinicalProblemException extends RuntimeException {

    private final HttpStatus status;
    private final URI type;
    private final List<FieldProblem> fields;
    private final UUID existingRecordId;

    public ClinicalProblemException(HttpStatus status, URI type, String detail, List<FieldProblem> fields) {
        this(status, type, detail, fields, null);
    }

    private ClinicalProblemException(
            HttpStatus status, URI type, String detail, List<FieldProblem> fields, UUID existingRecordId) {
        super(detail);
        this.status = status;
        this.type = type;
        this.fields = List.copyOf(fields);
        this.existingRecordId = existingRecordId;
    }

    public static ClinicalProblemException notFound(String what) {
        return new ClinicalProblemException(
                HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, what + " not found", List.of());
    }

    /** The problem a refusal of the records engine is answered with (by the API, or for an imported line). */
    public static ClinicalProblemException of(RecordRefusedException refused) {
        String detail = refused.getMessage();
        return switch (refused.reason()) {
            case NOT_FOUND ->
                new ClinicalProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, detail, List.of());
            case VOIDED, KEY_REUSED ->
                new ClinicalProblemException(
                        HttpStatus.CONFLICT, ProblemTypes.CONFLICT, detail, List.of(), refused.existing());
            case STALE_REVISION ->
                new ClinicalProblemException(
                        HttpStatus.PRECONDITION_FAILED, ProblemTypes.STALE_REVISION, detail, List.of());
            case INVALID_FIELD -> invalid(List.of(new FieldProblem(refused.field(), detail)));
        };
    }

    public static ClinicalProblemException invalid(List<FieldProblem> fields) {
        return new ClinicalProblemException(
                HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "The request has invalid fields", fields);
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public List<FieldProblem> fields() {
        return fields;
    }

    /** The record that already carries a taken external identifier, or null: {@code existingRecordId}. */
    public UUID existingRecordId() {
        return existingRecordId;
    }
}
