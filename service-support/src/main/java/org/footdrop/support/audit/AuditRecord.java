package org.footdrop.support.audit;

import java.time.Instant;
import java.util.List;

/**
 * One access to patient data, accepted or rejected: who (OAuth2 client and subject), what
 * (endpoint, the patients it touched or the cohort query), when, and the outcome.
 *
 * @param endpoint the mapped pattern, e.g. {@code GET /api/v1/diagnoses/{diagnosisId}}, or the
 *        method and raw path when the request never reached a handler (401, 403, 413)
 * @param query the query string as sent: a cohort query's filters and grouping
 * @param outcome {@code ALLOWED} (2xx/3xx), {@code REJECTED} (4xx), {@code FAILED} (5xx)
 */
public record AuditRecord(
        String id,
        Instant at,
        String service,
        String client,
        String subject,
        String endpoint,
        String path,
        String query,
        List<String> patientIds,
        int status,
        String outcome,
        String correlationId) {

    static String outcomeOf(int status) {
        if (status >= 500) {
            return "FAILED";
        }
        return status >= 400 ? "REJECTED" : "ALLOWED";
    }
}
