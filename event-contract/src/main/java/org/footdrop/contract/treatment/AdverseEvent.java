package org.footdrop.contract.treatment;

import org.footdrop.contract.vocabulary.AdverseEventType;
import org.footdrop.contract.vocabulary.Severity;

/** An adverse event of an injection. The note that OTHER carries stays in treatment-service. */
public record AdverseEvent(AdverseEventType type, Severity severity, Boolean resolved) {}
