package org.footdrop.contract.vocabulary;

/** Recorded sex; with birth year, the only demographic the system keeps. */
public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}
