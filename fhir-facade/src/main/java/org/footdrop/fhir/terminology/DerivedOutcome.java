package org.footdrop.fhir.terminology;

/**
 * What an outcome Observation of {@code $everything} holds, named by the derived-outcome CodeSystem as
 * its {@code method}. The definitions themselves are outcomes-service's (configurable; each Observation
 * carries the one in force as its note).
 */
public enum DerivedOutcome {
    /** The baseline value of a measure. */
    BASELINE,
    /** The value taken for a follow-up window. */
    WINDOW_VALUE,
    /** A window's value minus the baseline. */
    CHANGE,
    /** Whether the improvement at a window reached the responder threshold. */
    RESPONDER,
    /** Days from day 0 to the first response, or to the last assessment when censored. */
    TIME_TO_RESPONSE
}
