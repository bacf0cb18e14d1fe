package org.footdrop.contract.vocabulary;

/** NERVE_ROOT targets carry a {@link NerveRootLevel}. */
public enum InjectionTarget {
    FIBULAR_NERVE,
    SCIATIC_NERVE,
    NERVE_ROOT
}
