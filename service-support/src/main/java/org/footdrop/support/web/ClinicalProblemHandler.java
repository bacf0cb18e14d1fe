package org.footdrop.support.web;

import com.mongodb.MongoException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.footdrop.support.record.RecordRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * The service's one exception handler: every error is RFC 9457 problem+json with a constant type
 * and, for bad input, every bad field and why. A 5xx never echoes an exception message.
 */
@RestControllerAdvice
public class ClinicalProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ClinicalProblemHandler.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(ClinicalProblemException.class)
    ResponseEntity<Object> clinicalProblem(ClinicalProblemException e) {
        ProblemDetail problem = problem(e.status(), e.type(), e.getMessage());
        if (!e.fields().isEmpty()) {
            problem.setProperty("errors", e.fields());
        }
        if (e.existingRecordId() != null) {
            problem.setProperty("existingRecordId", e.existingRecordId());
        }
        var response = ResponseEntity.status(e.status());
        if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS); // every 503 says when to come back
        }
        return response.body(problem);
    }

    @ExceptionHandler(RecordRefusedException.class)
    ResponseEntity<Object> recordRefused(RecordRefusedException e) {
        return clinicalProblem(ClinicalProblemException.of(e));
    }

    /** A path or query value that breaks its constraint, e.g. a patientId carrying a MongoDB operator. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        List<FieldProblem> fields = e.getConstraintViolations().stream()
                .map(violation ->
                        new FieldProblem(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .toList();
        return clinicalProblem(ClinicalProblemException.invalid(fields));
    }

    /** {@code series.patientId} names the parameter {@code patientId}: the method is not the caller's business. */
    private static String lastNode(String propertyPath) {
        return propertyPath.substring(propertyPath.lastIndexOf('.') + 1);
    }

    /** The store is away: the write was not accepted, so the client may safely retry. */
    @ExceptionHandler({DataAccessResourceFailureException.class, MongoException.class})
    ResponseEntity<Object> storeUnavailable(RuntimeException e) {
        log.warn("Store unavailable: {}", e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        ProblemTypes.UNAVAILABLE,
                        "The record store is unavailable; nothing was stored. Retry later."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), reason(error)))
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .toList();
        return clinicalProblem(ClinicalProblemException.invalid(fields));
    }

    /** A body streamed without a length (an import's file) that ran over its cap while it was read. */
    @ExceptionHandler(RequestSizeLimitFilter.BodyTooLargeException.class)
    ResponseEntity<Object> bodyTooLarge(RequestSizeLimitFilter.BodyTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(problem(
                        HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "The request body is too large"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.BodyTooLargeException tooLarge) {
                return bodyTooLarge(tooLarge);
            }
        }
        // The outermost binding error knows the field's path; its cause may be a plain parse error.
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof StreamReadException) {
                break;
            }
            if (t instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                return clinicalProblem(ClinicalProblemException.invalid(List.of(BindingProblems.of(jackson))));
            }
        }
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        ProblemTypes.MALFORMED_REQUEST,
                        "The request body is not well-formed JSON"));
    }

    /** A query or path parameter of the wrong type or value names itself. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            org.springframework.beans.TypeMismatchException e,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String field = e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
                ? m.getName()
                : String.valueOf(e.getPropertyName());
        return clinicalProblem(ClinicalProblemException.invalid(
                List.of(new FieldProblem(field, mismatchReason(e.getRequiredType())))));
    }

    /**
     * A value that does not convert (a query parameter bound into an object, say) says what would, like a
     * mismatched parameter does; never the converter's message, which names Java types and echoes the input.
     */
    private static String reason(org.springframework.validation.FieldError error) {
        if (error.isBindingFailure() && error.contains(org.springframework.beans.TypeMismatchException.class)) {
            return mismatchReason(error.unwrap(org.springframework.beans.TypeMismatchException.class)
                    .getRequiredType());
        }
        return error.getDefaultMessage();
    }

    private static String mismatchReason(Class<?> type) {
        return type != null && type.isEnum()
                ? "must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                : "not a valid " + (type == null ? "value" : BindingProblems.typeName(type));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Framework-raised errors (405, 415, missing header...) keep Spring's detail but get a type.
        if (body instanceof ProblemDetail problem
                && problem.getType() != null
                && "about:blank".equals(problem.getType().toString())) {
            problem.setType(status.is5xxServerError() ? ProblemTypes.INTERNAL : ProblemTypes.MALFORMED_REQUEST);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    static ProblemDetail problem(HttpStatusCode status, java.net.URI type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        return problem;
    }
}
