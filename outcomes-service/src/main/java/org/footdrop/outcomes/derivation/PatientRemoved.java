package org.footdrop.outcomes.derivation;

/**
 * A patient is no longer in the projection queries read (a rebuild left it out): whatever keeps a view of
 * every patient drops it, as {@link PatientDerived} adds it.
 */
public record PatientRemoved(String patientId) {}
