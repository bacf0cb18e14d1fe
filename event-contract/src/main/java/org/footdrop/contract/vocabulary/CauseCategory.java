package org.footdrop.contract.vocabulary;

/** Where the lesion behind the foot drop sits. */
public enum CauseCategory {
    FIBULAR_NERVE_AT_KNEE,
    SCIATIC_NERVE,
    LUMBAR_NERVE_ROOT,
    CENTRAL,
    NEUROMUSCULAR,
    OTHER
}
