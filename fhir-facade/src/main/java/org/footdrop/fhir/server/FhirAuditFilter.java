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

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(FhirSecurityConfiguration.PATH + "/");
    }
}
