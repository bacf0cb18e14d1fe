package org.footdrop.support.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request the service refuses for a clinical or protocol reason; rendered as problem+json with
 * its type, status and the fields it names.
 */
public class ClinicalProblemException extends RuntimeException {

    private final HttpStatus status;
    private final URI type;
    private final List<FieldProblem> fields;

    public ClinicalProblemException(HttpStatus status, URI type, String detail, List<FieldProblem> fields) {
        super(detail);
        this.status = status;
        this.type = type;
        this.fields = List.copyOf(fields);
    }

    public static ClinicalProblemException notFound(String what) {
        return new ClinicalProblemException(
                HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, what + " not found", List.of());
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
}
