package org.footdrop.contract.vocabulary;

/** Spinal nerve root level for lumbar causes and nerve-root injections. */
public enum NerveRootLevel {
    L4,
    L5,
    S1
}
