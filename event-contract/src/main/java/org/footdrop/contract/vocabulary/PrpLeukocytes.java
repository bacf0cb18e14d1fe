package org.footdrop.contract.vocabulary;

/** For PRP only: whether the preparation is leukocyte-rich or leukocyte-poor. */
public enum PrpLeukocytes {
    LEUKOCYTE_RICH,
    LEUKOCYTE_POOR
}
