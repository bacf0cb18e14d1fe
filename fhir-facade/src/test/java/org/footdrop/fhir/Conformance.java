package org.footdrop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.footdrop.fhir.server.ResourceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;

/** The tests' two checks against the standard: a resource the facade emits, and one it refuses. */
public final class Conformance {

    private Conformance() {}

    /** No error (or fatal) message from the validator the facade itself uses. */
    public static void assertValid(ResourceValidator validator, IBaseResource resource) {
        var errors = validator.validate(resource).getMessages().stream()
                .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(message -> message.getLocationString() + ": " + message.getMessage())
                .toList();
        assertThat(errors).as("validation errors").isEmpty();
    }

    /** Refused as unprocessable, the OperationOutcome's first issue pointing at exactly this element. */
    public static void assertRefusedAt(ThrowingCallable mapping, String path) {
        assertThatThrownBy(mapping)
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(((OperationOutcome) e.getOperationOutcome())
                                        .getIssueFirstRep()
                                        .getExpression())
                                .extracting(Object::toString)
                                .containsExactly(path));
    }
}
