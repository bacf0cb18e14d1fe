package org.footdrop.contract.vocabulary;

/** How the nerve came to be injured, including the central and neuromuscular conditions. */
public enum Mechanism {
    TRAUMA,
    SURGERY,
    POSTURAL_COMPRESSION,
    HERNIATED_DISC,
    STENOSIS,
    ARTHRITIS,
    STROKE,
    SPINAL_CORD_INJURY,
    MULTIPLE_SCLEROSIS,
    MUSCULAR_DYSTROPHY,
    ALS,
    OTHER
}
