package org.footdrop.contract.vocabulary;

/** The injected solution: Dextrose 5% in water or Platelet Rich Plasma. */
public enum Solution {
    DEXTROSE_5,
    PRP
}
