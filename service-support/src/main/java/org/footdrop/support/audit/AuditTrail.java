package org.footdrop.support.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the current request touched, noted by the code that knows it (a record's patient is in its
 * body or found by its id) and written by {@link AuditFilter} when the request ends.
 */
public final class AuditTrail {

    static final String PATIENTS = AuditTrail.class.getName() + ".patients";

    private AuditTrail() {}

    /** Notes that the current request reads or writes this patient's data; harmless outside a request. */
    public static void patient(String patientId) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null || patientId == null) {
            return;
        }
        if (attributes instanceof ServletRequestAttributes servlet) {
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
