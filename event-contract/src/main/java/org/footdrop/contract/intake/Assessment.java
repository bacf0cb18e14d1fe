package org.footdrop.contract.intake;

import java.time.Instant;
import org.footdrop.contract.vocabulary.AssessmentKind;
import org.footdrop.contract.vocabulary.GaitAid;
import org.footdrop.contract.vocabulary.Side;

/**
 * The full clinical state of one strength and gait assessment.
 *
 * @param gaitAid the aid worn during the gait tests
 */
public record Assessment(
        Instant assessedAt,
        AssessmentKind kind,
        Side side,
        Measures measures,
        GaitAid gaitAid,
        Boolean steppageGait,
        Boolean footSlap,
        Boolean toeDrag) {}
