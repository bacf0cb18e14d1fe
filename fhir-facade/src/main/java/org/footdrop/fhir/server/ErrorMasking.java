package org.footdrop.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 5xx never echoes an exception's message (it may hold a body's values): the caller gets a
 * fixed OperationOutcome, the log gets the exception's type.
 */
@Interceptor
class ErrorMasking {

    private static final Logger log = LoggerFactory.getLogger(ErrorMasking.class);

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException mask(Throwable exception) {
        if (exception instanceof BaseServerResponseException answered && answered.getStatusCode() < 500) {
            return answered;
        }
        if (exception instanceof ServiceUnavailable unavailable) {
            return unavailable;
        }
        log.error("FHIR request failed: {}", exception.getClass().getName());
        InternalErrorException masked = new InternalErrorException("internal error");
        masked.setOperationOutcome(Outcomes.issue(
                IssueSeverity.FATAL, IssueType.EXCEPTION, null, "The request failed inside the server."));
        return masked;
    }
}
