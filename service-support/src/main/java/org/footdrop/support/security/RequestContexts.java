package org.footdrop.support.security;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.footdrop.support.request.RequestContext;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.FieldProblem;

/** The one place a request's context is resolved: the validated token's caller and the checked headers. */
public final class RequestContexts {

    private static final Pattern SAFE_TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestContexts() {}

    /**
     * @param idempotencyKey the Idempotency-Key header, or null
     * @param correlationId the X-Correlation-Id header, or null (one is made up)
     */
    public static RequestContext of(String idempotencyKey, String correlationId) {
        if (idempotencyKey != null) {
            requireSafe("Idempotency-Key", idempotencyKey);
        }
        if (correlationId != null) {
            requireSafe(RequestContext.CORRELATION_HEADER, correlationId);
        }
        Caller caller = Caller.current();
        return new RequestContext(
                caller.client(),
                caller.subject(),
                idempotencyKey,
                correlationId == null ? UUID.randomUUID().toString() : correlationId,
                null);
    }

    private static void requireSafe(String name, String value) {
        if (!SAFE_TOKEN.matcher(value).matches()) {
            throw ClinicalProblemException.invalid(
                    List.of(new FieldProblem(name, "header must match [A-Za-z0-9._:-]{1,128}")));
        }
    }
}
