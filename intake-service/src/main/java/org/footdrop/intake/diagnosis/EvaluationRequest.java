package org.footdrop.intake.diagnosis;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.footdrop.contract.vocabulary.EvaluationKind;
import org.footdrop.contract.vocabulary.ImagingModality;

/**
 * One piece of evaluation evidence. The note is free text: capped, kept in intake-service only,
 * never put on an event.
 */
public record EvaluationRequest(
        @NotNull EvaluationKind kind,
        ImagingModality modality,

        @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,63}", message = "must be an UPPER_SNAKE code")
        String finding,

        @Size(max = 500) String note) {}
