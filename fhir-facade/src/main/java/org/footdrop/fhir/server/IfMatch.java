package org.footdrop.fhir.server;

import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;

/** FHIR's {@code If-Match} (an ETag, {@code W/"3"}) as the version of the id it applies to. */
public final class IfMatch {

    private IfMatch() {}

    /** An update without If-Match: FHIR's versioned update, which is how a correction names what it corrects. */
    public static PreconditionFailedException required() {
        return new PreconditionFailedException(
                "If-Match required",
                Outcomes.issue(
                        OperationOutcome.IssueSeverity.ERROR,
                        OperationOutcome.IssueType.CONFLICT,
                        null,
                        "Send If-Match with the version you are correcting (its ETag, e.g. W/\"1\")."));
    }

    /** The id at the version the header names; the id as it is without one. */
    public static IdType versioned(IdType id, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return id;
        }
        return id.withVersion(ifMatch.strip().replaceAll("^W/|\"", ""));
    }
}
