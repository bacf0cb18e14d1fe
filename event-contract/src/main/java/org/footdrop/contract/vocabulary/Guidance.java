package org.footdrop.contract.vocabulary;

public enum Guidance {
    ULTRASOUND,
    FLUOROSCOPY
}
