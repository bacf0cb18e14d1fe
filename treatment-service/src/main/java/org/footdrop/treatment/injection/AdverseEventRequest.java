package org.footdrop.treatment.injection;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.footdrop.contract.vocabulary.AdverseEventType;
import org.footdrop.contract.vocabulary.Severity;

/** An adverse event of the injection; OTHER needs a short note (free text, kept here only). */
public record AdverseEventRequest(
        @NotNull AdverseEventType type,
        @NotNull Severity severity,
        @NotNull Boolean resolved,
        @Size(max = 200) String note) {}
