package org.footdrop.contract.vocabulary;

/** Adjunct therapies prescribed beside the injections. ENERGY_MODALITY names its modality. */
public enum TherapyType {
    PHYSICAL_THERAPY,
    HOME_EXERCISE,
    ENERGY_MODALITY,
    NUTRITIONAL_SUPPORT
}
