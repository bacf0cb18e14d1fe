package org.footdrop.contract.vocabulary;

/** Imaging modality of an IMAGING evaluation. */
public enum ImagingModality {
    MRI,
    ULTRASOUND,
    X_RAY,
    CT
}
