package org.footdrop.contract.intake;

import org.footdrop.contract.vocabulary.EvaluationKind;
import org.footdrop.contract.vocabulary.ImagingModality;

/**
 * One piece of evaluation evidence with its coded finding (an UPPER_SNAKE code such as
 * {@code AXONAL_LOSS}); {@code modality} is set for IMAGING only.
 */
public record Evaluation(EvaluationKind kind, ImagingModality modality, String finding) {}
