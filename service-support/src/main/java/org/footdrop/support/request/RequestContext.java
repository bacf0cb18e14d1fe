package org.footdrop.support.request;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.footdrop.support.security.Caller;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.FieldProblem;

/** Who is calling and under which correlation id; header values checked before they are used. */
public final class RequestContext {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern SAFE_TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestContext() {}

    /** The authenticated OAuth2 client, from the validated token; it scopes idempotency keys. */
    public static String caller() {
        return Caller.current().client();
    }

    public static String correlationId(String header) {
        if (header == null) {
            return UUID.randomUUID().toString();
        }
        requireSafe(CORRELATION_HEADER, header);
        return header;
    }

    public static String idempotencyKey(String header) {
        if (header != null) {
            requireSafe("Idempotency-Key", header);
        }
        return header;
    }

    private static void requireSafe(String name, String value) {
        if (!SAFE_TOKEN.matcher(value).matches()) {
            throw ClinicalProblemException.invalid(
                    List.of(new FieldProblem(name, "header must match [A-Za-z0-9._:-]{1,128}")));
        }
    }
}
