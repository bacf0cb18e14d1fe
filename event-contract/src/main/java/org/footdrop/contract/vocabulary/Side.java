package org.footdrop.contract.vocabulary;

/** The side of the body. A BILATERAL diagnosis names an index side (LEFT or RIGHT) for the statistics. */
public enum Side {
    LEFT,
    RIGHT,
    BILATERAL
}
