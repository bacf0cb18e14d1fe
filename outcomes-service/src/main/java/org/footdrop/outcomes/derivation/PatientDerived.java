package org.footdrop.outcomes.derivation;

import org.footdrop.outcomes.projection.PatientFacts;

/**
 * A patient's outcome was derived afresh from the projected facts (a load, a refresh after events,
 * the daily reload). The seam between the cohort table, which derives, and whatever else keeps a
 * view of every patient (the data-quality findings), so that neither depends on the other.
 */
public record PatientDerived(PatientFacts facts, PatientOutcome outcome) {}
