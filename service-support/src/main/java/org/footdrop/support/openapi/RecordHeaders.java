package org.footdrop.support.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import org.footdrop.support.request.RequestContext;
import org.footdrop.support.web.CreatedResponses;

/**
 * The headers of clinical record operations, as {@code ClinicalRecords} and {@code Revisions} use
 * them: a write takes Idempotency-Key and answers the record's ETag (its revision); a POST that
 * takes one creates a record, 201 with its Location; an amend (PUT) must send If-Match, a void
 * may; a read of one record by its id answers its ETag too.
 */
final class RecordHeaders {

    static final String IF_MATCH = "If-Match";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String SAFE_TOKEN = "^[A-Za-z0-9._:-]{1,128}$";

    void apply(OpenAPI openApi) {
        Operations.each(openApi, this::document);
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean write = false;
        boolean oneRecord = false;
        for (Parameter parameter : parameters) {
            switch (parameter.getName()) {
                case IDEMPOTENCY_KEY -> {
                    write = true;
                    parameter
                            .description("Makes the write safe to retry: the same key with the same body answers "
                                    + "what the first request did; with another body, 409. Scoped to the client.")
                            .schema(Schemas.typed("string").pattern(SAFE_TOKEN));
                }
                case IF_MATCH -> {
                    boolean amend = method == PathItem.HttpMethod.PUT;
                    parameter
                            .required(amend)
                            .description("The ETag of the revision being " + (amend ? "corrected" : "voided")
                                    + " (\"2\" or 2); a newer revision answers 412"
                                    + (amend ? ", none 428" : "; without it the current revision is voided"))
                            .schema(Schemas.typed("string"));
                }
                case RequestContext.CORRELATION_HEADER ->
                    parameter
                            .description("Carried into the events this request causes; one is made up when absent")
                            .schema(Schemas.typed("string").pattern(SAFE_TOKEN));
                default -> {
                    if ("path".equals(parameter.getIn())
                            && parameter.getSchema() != null
                            && "uuid".equals(parameter.getSchema().getFormat())
                            && path.endsWith("{" + parameter.getName() + "}")) {
                        oneRecord = true;
                    }
                }
            }
        }
        if (!write && !oneRecord) {
            return;
        }
        ApiResponse ok = operation.getResponses().get("200");
        if (ok == null) {
            return;
        }
        if (write && method == PathItem.HttpMethod.POST) {
            operation.getResponses().remove("200");
            operation.getResponses().addApiResponse("201", ok);
            ok.description("Recorded (or, for a repeated Idempotency-Key, what was recorded then)")
                    .addHeaderObject(
                            "Location",
                            new Header()
                                    .description("The new record's path")
                                    .schema(Schemas.typed("string").format("uri-reference")))
                    .addHeaderObject(
                            CreatedResponses.REPLAYED,
                            new Header()
                                    .description("true when nothing new was stored: the answer is the record an"
                                            + " earlier create with the same Idempotency-Key or Record-Identifier"
                                            + " and the same body stored")
                                    .schema(Schemas.typed("string")));
        }
        ok.addHeaderObject(
                "ETag",
                new Header()
                        .description("The record's revision, to send as If-Match when amending or voiding it")
                        .schema(Schemas.typed("string")));
    }
}
