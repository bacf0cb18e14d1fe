package org.footdrop.support.record;

/** VOIDED = entered in error, final. Nothing is ever physically deleted. */
public enum RecordStatus {
    ACTIVE,
    VOIDED
}
