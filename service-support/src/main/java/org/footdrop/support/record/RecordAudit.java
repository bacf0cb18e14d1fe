package org.footdrop.support.record;

import java.util.Collection;
import org.footdrop.support.request.RequestContext;

/**
 * Where the engine says whose data an operation touched; the audit trail implements it, on a
 * request thread by noting the patient on the request, for a job by writing an audit record.
 */
public interface RecordAudit {

    void touched(RequestContext context, String patientId);

    /** A batch's patients at once: one audit record for a job's batch, not one per record. */
    void touchedAll(RequestContext context, Collection<String> patientIds);

    /** A read on the current request thread (reads are served to requests only). */
    void read(String patientId);
}
