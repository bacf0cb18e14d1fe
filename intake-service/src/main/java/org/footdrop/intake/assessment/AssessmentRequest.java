package org.footdrop.intake.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.footdrop.contract.vocabulary.AssessmentKind;
import org.footdrop.contract.vocabulary.GaitAid;
import org.footdrop.contract.vocabulary.Side;

/**
 * The body of an assessment create or amend: the full clinical state.
 *
 * @param kind a label only; analysis windows use days from the first injection
 * @param gaitAid the aid worn during the gait tests
 */
public record AssessmentRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must match [A-Za-z0-9._-]{1,64}")
        String patientId,

        @NotNull Instant assessedAt,
        @NotNull AssessmentKind kind,
        @NotNull Side side,
        @NotNull @Valid MeasuresRequest measures,
        GaitAid gaitAid,
        Boolean steppageGait,
        Boolean footSlap,
        Boolean toeDrag) {}
