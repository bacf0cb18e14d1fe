package org.footdrop.contract.vocabulary;

public enum InjectionTechnique {
    NERVE_HYDRODISSECTION,
    CAUDAL_EPIDURAL,
    TRANSFORAMINAL_EPIDURAL
}
