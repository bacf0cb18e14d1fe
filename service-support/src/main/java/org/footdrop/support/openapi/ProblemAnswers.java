package org.footdrop.support.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.footdrop.support.web.ProblemTypes;

/**
 * The problem+json schema, once, and on every operation each error answer it can give: those every
 * API request can get (bad input, no token, the wrong scope, an unexpected failure), those its
 * parameters imply (a body: too large, not JSON; a record id: not found; If-Match: stale or
 * missing; Idempotency-Key: reused), and those the operation declares itself. Every 4xx and 5xx
 * answer is the problem schema as {@code application/problem+json}.
 */
final class ProblemAnswers {

    static final String PROBLEM = "Problem";
    static final String FIELD_PROBLEM = "FieldProblem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private static final Map<Integer, String> EVERY_OPERATION = Map.of(
            400,
            "Invalid request: a parameter, header or field breaks its rule (each is named in errors), or a "
                    + "query parameter the operation does not take",
            401,
            "No valid bearer token from the authorization server",
            403,
            "The token does not carry this operation's scope",
            500,
            "Unexpected failure; nothing of it is echoed");

    void apply(OpenAPI openApi) {
        openApi.getComponents().addSchemas(FIELD_PROBLEM, fieldProblem()).addSchemas(PROBLEM, problem());
        Operations.each(openApi, this::answer);
    }

    private void answer(String path, PathItem.HttpMethod method, Operation operation) {
        Map<Integer, String> problems = new TreeMap<>(EVERY_OPERATION);
        if (operation.getRequestBody() != null) {
            problems.put(413, "The request body is larger than this service accepts");
            problems.put(415, "The request body is not application/json");
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        for (Parameter parameter : parameters) {
            if ("path".equals(parameter.getIn())
                    && parameter.getSchema() != null
                    && "uuid".equals(parameter.getSchema().getFormat())) {
                problems.put(404, "No record with this id");
            }
            if (RecordHeaders.IF_MATCH.equals(parameter.getName())) {
                problems.put(412, "If-Match names a revision that is no longer current: read the record again");
                if (Boolean.TRUE.equals(parameter.getRequired())) {
                    problems.put(428, "If-Match is missing: send the ETag of the revision being corrected");
                }
            }
            if (RecordHeaders.IDEMPOTENCY_KEY.equals(parameter.getName())) {
                problems.put(
                        409,
                        "The Idempotency-Key was already used with a different request, or the record was "
                                + "voided (a void is final)");
            }
        }
        ApiResponses responses = operation.getResponses();
        problems.forEach((status, when) -> {
            if (responses.get(status.toString()) == null) {
                responses.addApiResponse(status.toString(), new ApiResponse().description(when));
            }
        });
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.content(
                        new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(Schemas.ref(PROBLEM))));
                if (status.equals("503")) {
                    response.addHeaderObject(
                            "Retry-After",
                            new Header()
                                    .description("Seconds to wait before retrying, when the record store is away")
                                    .schema(Schemas.typed("integer")));
                }
            }
        });
        operation.responses(sorted(responses));
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses ordered = new ApiResponses();
        new TreeMap<>(responses).forEach(ordered::addApiResponse);
        return ordered;
    }

    private static Schema<Object> problem() {
        Schema<Object> schema = Schemas.typed("object")
                .description("An RFC 9457 problem: a constant type per kind of error, and for invalid input "
                        + "every bad field and why")
                .addProperty(
                        "type",
                        Schemas.string("The kind of problem, one of the constant URIs under "
                                        + ProblemTypes.VALIDATION.resolve(".")
                                        + " (validation, malformed-request, not-found, stale-revision, conflict, "
                                        + "payload-too-large, unauthorized, forbidden, unavailable, internal)")
                                .format("uri"))
                .addProperty("title", Schemas.string("The HTTP reason phrase"))
                .addProperty("status", Schemas.typed("integer").format("int32").description("The HTTP status"))
                .addProperty("detail", Schemas.string("What went wrong, in words; never echoes the request"))
                .addProperty("instance", Schemas.string("The request path").format("uri-reference"))
                .addProperty(
                        "errors",
                        Schemas.typed("array")
                                .description("For invalid input: every bad field, parameter or header")
                                .items(Schemas.ref(FIELD_PROBLEM)))
                .addProperty(
                        "existingRecordId",
                        Schemas.string("For a create whose Record-Identifier another record already carries "
                                        + "with other values (409): that record's id")
                                .format("uuid"));
        schema.required(List.of("type", "title", "status"));
        return schema;
    }

    private static Schema<Object> fieldProblem() {
        Schema<Object> schema = Schemas.typed("object")
                .description("One bad field of a request and why it was refused")
                .addProperty("field", Schemas.string("The field's JSON path, or the parameter's or header's name"))
                .addProperty("reason", Schemas.string("Why it was refused"));
        schema.required(List.of("field", "reason"));
        return schema;
    }
}
