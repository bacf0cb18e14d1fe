package org.footdrop.contract.vocabulary;

/** A label only: analysis windows use days from the first injection, never this kind. */
public enum AssessmentKind {
    BASELINE,
    FOLLOW_UP,
    DISCHARGE
}
