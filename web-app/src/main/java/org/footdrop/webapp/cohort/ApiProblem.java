package org.footdrop.webapp.cohort;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * Why outcomes-service did not answer a cohort query, for the page to say: a refused filter names the
 * parameter and the reason (the API's own words; the page judges no value itself), a cohort table still
 * loading asks to retry.
 *
 * @param status the status the page answers with
 */
public record ApiProblem(int status, String summary, List<FieldError> errors) {

    public record FieldError(String field, String reason) {}

    /** The problem the API answered, or null when this is not one the page can explain (it propagates). */
    static ApiProblem of(RestClientResponseException e) {
        int status = e.getStatusCode().value();
        if (status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            return new ApiProblem(
                    status, "The cohort figures are still loading after a restart; try again in a moment.", List.of());
        }
        if (status != HttpStatus.BAD_REQUEST.value()) {
            return null;
        }
        List<FieldError> errors = new ArrayList<>();
        JsonNode problem = body(e);
        if (problem != null) {
            for (JsonNode error : problem.path("errors")) {
                errors.add(new FieldError(
                        error.path("field").asString(""), error.path("reason").asString("")));
            }
        }
        return new ApiProblem(status, "The outcomes service refused these filters:", errors);
    }

    /** The reasons given for one parameter, joined; null when it was not named. */
    public String reasonFor(String field) {
        List<String> reasons = errors.stream()
                .filter(e -> e.field().equals(field))
                .map(FieldError::reason)
                .toList();
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    private static JsonNode body(RestClientResponseException e) {
        try {
            return e.getResponseBodyAs(JsonNode.class);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
