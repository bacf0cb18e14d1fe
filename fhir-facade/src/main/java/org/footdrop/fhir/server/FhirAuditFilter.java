package org.footdrop.fhir.server;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.footdrop.support.audit.AuditFilter;
import org.footdrop.support.audit.AuditLog;

/** The shared audit filter, over the FHIR endpoint: every request, whatever its outcome, is recorded. */
class FhirAuditFilter extends AuditFilter {

    FhirAuditFilter(AuditLog auditLog, String service, Clock clock) {
        super(auditLog, service, clock);
    }

    /** The base itself too: a batch is posted there, and a later page of a search is read there (?_getpages=). */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !(uri.equals(FhirSecurityConfiguration.PATH) || uri.startsWith(FhirSecurityConfiguration.PATH + "/"));
    }
}
