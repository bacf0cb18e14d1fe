package org.footdrop.support.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.footdrop.support.request.RequestContext;
import org.footdrop.support.security.Caller;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Audits every API request, whatever its outcome: it wraps everything else (size limit, security,
 * the handler), so a request turned away by any of them is recorded too.
 */
public class AuditFilter extends OncePerRequestFilter {

    private static final int MAX_TEXT = 512;

    private final AuditLog auditLog;
    private final String service;
    private final Clock clock;

    public AuditFilter(AuditLog auditLog, String service, Clock clock) {
        this.auditLog = auditLog;
        this.service = service;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean escaped = true;
        try {
            chain.doFilter(request, response);
            escaped = false;
        } finally {
            // an exception escaping the chain is answered 500 by the container
            auditLog.append(record(request, escaped ? 500 : response.getStatus()));
        }
    }

    private AuditRecord record(HttpServletRequest request, int status) {
        Caller caller = Caller.noted(request);
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String endpoint = request.getMethod() + " " + (pattern != null ? pattern : "(unmatched)");
        Set<String> patients = AuditTrail.patients(request);
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get("patientId") instanceof String patientId) {
            patients.add(patientId);
        }
        String correlation = request.getHeader(RequestContext.CORRELATION_HEADER);
        return new AuditRecord(
                UUID.randomUUID().toString(),
                clock.instant(),
                service,
                caller.client(),
                caller.subject(),
                endpoint,
                cap(request.getRequestURI()),
                cap(request.getQueryString()),
                new ArrayList<>(patients),
                status,
                AuditRecord.outcomeOf(status),
                cap(correlation));
    }

    private static String cap(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
    }
}
