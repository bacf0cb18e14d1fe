package org.footdrop.fhir.server;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** OperationOutcomes as this facade answers them: every issue names the element it is about. */
public final class Outcomes {

    private Outcomes() {}

    public static OperationOutcome issue(IssueSeverity severity, IssueType type, String expression, String text) {
        OperationOutcome outcome = new OperationOutcome();
        add(outcome, severity, type, expression, text);
        return outcome;
    }

    public static OperationOutcome.OperationOutcomeIssueComponent add(
            OperationOutcome outcome, IssueSeverity severity, IssueType type, String expression, String text) {
        OperationOutcome.OperationOutcomeIssueComponent issue =
                outcome.addIssue().setSeverity(severity).setCode(type).setDiagnostics(text);
        if (expression != null) {
            issue.addExpression(expression);
        }
        return issue;
    }

    /** 422: the resource is well-formed FHIR, but this element cannot be accepted. */
    public static UnprocessableEntityException unprocessable(String expression, String text) {
        return new UnprocessableEntityException(text, issue(IssueSeverity.ERROR, IssueType.INVALID, expression, text));
    }
}
