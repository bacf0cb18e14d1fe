package org.footdrop.fhir.records;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.function.Function;
import org.footdrop.fhir.server.Outcomes;
import org.footdrop.fhir.server.ServiceUnavailable;
import org.footdrop.support.record.KeptNotes;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * One service's own API, called with the caller's own bearer token, so the service applies its
 * rules, audits the caller and publishes its events exactly as for a direct call. Its answers are
 * translated into FHIR's: a refused body becomes 422 with the service's field errors, each pointing
 * at the FHIR element it came from.
 */
public class ServiceApi {

    private final String name;
    private final RestClient client;

    public ServiceApi(String name, RestClient client) {
        this.name = name;
        this.client = client;
    }

    /**
     * The service refused a create because the record's external identifier is carried by a record
     * with other values: FHIR's conditional create answers that record as its match.
     */
    public static final class IdentifierTaken extends ResourceVersionConflictException {

        private final String existingRecordId;

        IdentifierTaken(String detail, OperationOutcome outcome, String existingRecordId) {
            super(detail, outcome);
            this.existingRecordId = existingRecordId;
        }

        public String existingRecordId() {
            return existingRecordId;
        }
    }

    /**
     * A stored record as the service answered it: its body, its revision (ETag), and whether this
     * call created it.
     */
    public record Answer(JsonNode body, String revision, boolean created) {}

    public Answer post(String path, Object body, String idempotencyKey, Function<String, String> fhirPath) {
        return post(path, body, idempotencyKey, null, fhirPath);
    }

    /**
     * @param recordIdentifier the clinic's identifier as {@code system|value}, or null: the record carries it
     *     as its external identifier (the own API's {@code Record-Identifier})
     */
    public Answer post(
            String path,
            Object body,
            String idempotencyKey,
            String recordIdentifier,
            Function<String, String> fhirPath) {
        return call(
                () -> client.post()
                        .uri(path)
                        .headers(headers -> {
                            authorise(headers, idempotencyKey);
                            if (recordIdentifier != null) {
                                headers.set("Record-Identifier", recordIdentifier);
                            }
                        })
                        .body(body)
                        .retrieve()
                        .toEntity(JsonNode.class),
                fhirPath);
    }

    public Answer put(String path, String revision, Object body, Function<String, String> fhirPath) {
        return call(
                () -> client.put()
                        .uri(path)
                        .headers(headers -> {
                            authorise(headers, null);
                            headers.setIfMatch("\"" + revision + "\"");
                            // FHIR carries no notes here: an update keeps those the record has
                            headers.set(KeptNotes.HEADER, "true");
                        })
                        .body(body)
                        .retrieve()
                        .toEntity(JsonNode.class),
                fhirPath);
    }

    /** A {@code PUT} that names no revision: a command on many records (a patient's demographics). */
    public Answer put(String path, Object body, Function<String, String> fhirPath) {
        return call(
                () -> client.put()
                        .uri(path)
                        .headers(headers -> authorise(headers, null))
                        .body(body)
                        .retrieve()
                        .toEntity(JsonNode.class),
                fhirPath);
    }

    /** Voids a record (the own API's DELETE carries a reason, which stays in the service). */
    public Answer delete(String path, String revision, String reason) {
        return call(
                () -> client.method(org.springframework.http.HttpMethod.DELETE)
                        .uri(path)
                        .headers(headers -> {
                            authorise(headers, null);
                            if (revision != null) {
                                headers.setIfMatch("\"" + revision + "\"");
                            }
                        })
                        .body(java.util.Map.of("reason", reason))
                        .retrieve()
                        .toEntity(JsonNode.class),
                field -> null);
    }

    public Answer get(String path) {
        return call(
                () -> client.get()
                        .uri(path)
                        .headers(headers -> authorise(headers, null))
                        .retrieve()
                        .toEntity(JsonNode.class),
                field -> null);
    }

    private Answer call(
            java.util.function.Supplier<ResponseEntity<JsonNode>> request, Function<String, String> fhirPath) {
        try {
            ResponseEntity<JsonNode> response = request.get();
            String etag = response.getHeaders().getETag();
            return new Answer(
                    response.getBody(),
                    etag == null ? null : etag.replace("\"", "").replace("W/", ""),
                    // a create that found its record already stored says so (the own API's replay mark)
                    response.getStatusCode().value() == 201
                            && !"true".equals(response.getHeaders().getFirst("Idempotent-Replayed")));
        } catch (RestClientResponseException refused) {
            throw translate(refused, fhirPath);
        } catch (RestClientException unreachable) {
            throw new ServiceUnavailable(name);
        }
    }

    private BaseServerResponseException translate(
            RestClientResponseException refused, Function<String, String> fhirPath) {
        JsonNode problem = problem(refused);
        String detail = problem.path("detail").asString(refused.getStatusText());
        OperationOutcome outcome = new OperationOutcome();
        int status = refused.getStatusCode().value();
        if (status == 400 || status == 422) {
            JsonNode errors = problem.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                for (JsonNode error : errors) {
                    String field = error.path("field").asString("");
                    Outcomes.add(
                            outcome,
                            IssueSeverity.ERROR,
                            IssueType.INVALID,
                            fhirPath.apply(field),
                            name + " refused " + field + ": "
                                    + error.path("reason").asString(""));
                }
            } else {
                Outcomes.add(outcome, IssueSeverity.ERROR, IssueType.BUSINESSRULE, null, name + ": " + detail);
            }
            return new UnprocessableEntityException(detail, outcome);
        }
        Outcomes.add(outcome, IssueSeverity.ERROR, issueType(status), null, name + ": " + detail);
        // the fields a conflict names (a diagnosis that blocks a Patient's correction), each as its own issue
        for (JsonNode error : problem.path("errors")) {
            String field = error.path("field").asString("");
            Outcomes.add(
                    outcome,
                    IssueSeverity.ERROR,
                    issueType(status),
                    fhirPath.apply(field),
                    name + " refused " + field + ": " + error.path("reason").asString(""));
        }
        switch (status) {
            case 401:
                return withOutcome(new AuthenticationException(detail), outcome);
            case 403:
                return withOutcome(new ForbiddenOperationException(detail), outcome);
            case 404:
                return withOutcome(new ResourceNotFoundException(detail), outcome);
            case 409:
                String existing = problem.path("existingRecordId").asString(null);
                return existing == null
                        ? new ResourceVersionConflictException(detail, outcome)
                        : new IdentifierTaken(detail, outcome, existing);
            case 412:
            case 428:
                return new PreconditionFailedException(detail, outcome);
            default:
                return new ServiceUnavailable(name);
        }
    }

    private static BaseServerResponseException withOutcome(BaseServerResponseException e, OperationOutcome outcome) {
        e.setOperationOutcome(outcome);
        return e;
    }

    private static IssueType issueType(int status) {
        switch (status) {
            case 401:
                return IssueType.LOGIN;
            case 403:
                return IssueType.FORBIDDEN;
            case 404:
                return IssueType.NOTFOUND;
            case 409:
            case 412:
            case 428:
                return IssueType.CONFLICT;
            default:
                return IssueType.TRANSIENT;
        }
    }

    private static JsonNode problem(RestClientResponseException refused) {
        try {
            JsonNode body = refused.getResponseBodyAs(JsonNode.class);
            return body == null ? tools.jackson.databind.node.MissingNode.getInstance() : body;
        } catch (RuntimeException unreadable) {
            return tools.jackson.databind.node.MissingNode.getInstance();
        }
    }

    /** The caller's own token, relayed: the service sees and audits the same client. */
    private static void authorise(HttpHeaders headers, String idempotencyKey) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            headers.setBearerAuth(token.getToken().getTokenValue());
        }
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
    }
}
