package org.footdrop.contract.vocabulary;

/** The kinds of evidence behind a diagnosis. */
public enum EvaluationKind {
    PHYSICAL_EXAM,
    NERVE_CONDUCTION_EMG,
    IMAGING
}
