package org.footdrop.support.request;

import java.util.UUID;

/**
 * Who writes and under which keys, resolved once at the edge (an HTTP request, or a background job
 * such as a bulk import) and passed as one value to every record operation.
 *
 * @param client the OAuth2 client; it scopes Idempotency-Keys and is kept in each revision's history
 * @param subject the person or system the client acts for, named in the audit trail
 * @param idempotencyKey the request's Idempotency-Key, or null
 * @param correlationId carried into the events the write causes
 * @param job the background job doing the write, or null on a request thread
 */
public record RequestContext(String client, String subject, String idempotencyKey, String correlationId, String job) {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    /** A job's context: its writes are audited under the caller who started it. */
    public static RequestContext forJob(String client, String subject, String job) {
        return new RequestContext(client, subject, null, UUID.randomUUID().toString(), job);
    }

    public boolean onRequestThread() {
        return job == null;
    }
}
