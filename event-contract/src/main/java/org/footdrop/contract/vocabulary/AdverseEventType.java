package org.footdrop.contract.vocabulary;

public enum AdverseEventType {
    INJECTION_SITE_DISCOMFORT,
    TRANSIENT_NUMBNESS,
    VASOVAGAL,
    OTHER
}
