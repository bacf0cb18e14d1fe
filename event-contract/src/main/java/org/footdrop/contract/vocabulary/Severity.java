package org.footdrop.contract.vocabulary;

public enum Severity {
    MILD,
    MODERATE,
    SEVERE
}
