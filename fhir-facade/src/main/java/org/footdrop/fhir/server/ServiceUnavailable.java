package org.footdrop.fhir.server;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** 503: a service behind the facade did not answer; nothing was written through it. */
public class ServiceUnavailable extends BaseServerResponseException {

    private static final long serialVersionUID = 1L;

    public ServiceUnavailable(String service) {
        super(
                503,
                service + " is unavailable",
                Outcomes.issue(
                        IssueSeverity.ERROR,
                        IssueType.TRANSIENT,
                        null,
                        service + " did not answer; nothing was stored through it. Retry later."));
        addResponseHeader("Retry-After", "5");
    }
}
