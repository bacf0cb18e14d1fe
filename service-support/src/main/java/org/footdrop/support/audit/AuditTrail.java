package org.footdrop.support.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.footdrop.support.record.RecordAudit;
import org.footdrop.support.request.RequestContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the records engine touched, under whom. On a request thread the patient is noted on the
 * request and {@link AuditFilter} writes one record when the request ends, whatever its outcome; a
 * background job's writes are recorded at once, under the caller who started the job.
 */
public class AuditTrail implements RecordAudit {

    static final String PATIENTS = AuditTrail.class.getName() + ".patients";

    private final AuditLog auditLog;
    private final String service;
    private final Clock clock;

    public AuditTrail(AuditLog auditLog, String service, Clock clock) {
        this.auditLog = auditLog;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public void touched(RequestContext context, String patientId) {
        touchedAll(context, List.of(patientId));
    }

    @Override
    public void touchedAll(RequestContext context, Collection<String> patientIds) {
        if (context.onRequestThread()) {
            patientIds.forEach(this::read);
            return;
        }
        auditLog.append(new AuditRecord(
                UUID.randomUUID().toString(),
                clock.instant(),
                service,
                context.client(),
                context.subject(),
                "JOB " + context.job(),
                null,
                null,
                List.copyOf(patientIds),
                200,
                AuditRecord.outcomeOf(200),
                context.correlationId()));
    }

    @Override
    public void read(String patientId) {
        if (patientId != null
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            patients(servlet.getRequest()).add(patientId);
        }
    }

    @SuppressWarnings("unchecked")
    static Set<String> patients(HttpServletRequest request) {
        Object noted = request.getAttribute(PATIENTS);
        if (noted == null) {
            noted = new LinkedHashSet<String>();
            request.setAttribute(PATIENTS, noted);
        }
        return (Set<String>) noted;
    }
}
