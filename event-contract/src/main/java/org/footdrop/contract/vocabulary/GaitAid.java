package org.footdrop.contract.vocabulary;

/** The aid worn during the gait tests. */
public enum GaitAid {
    NONE,
    ANKLE_FOOT_ORTHOSIS,
    CANE,
    WALKER
}
