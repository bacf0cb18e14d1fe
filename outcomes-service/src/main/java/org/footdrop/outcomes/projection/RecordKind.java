package org.footdrop.outcomes.projection;

import org.footdrop.contract.EventType;

/**
 * Where each event type's facts live in the patient document, and whether it states a revision
 * of the record or voids it.
 */
enum RecordKind {
    DIAGNOSIS("diagnoses"),
    ASSESSMENT("assessments"),
    INJECTION("injections"),
    THERAPY("therapies"),
    THERAPY_SESSION("therapySessions");

    private final String field;

    RecordKind(String field) {
        this.field = field;
    }

    String field() {
        return field;
    }

    static RecordKind of(EventType type) {
        return switch (type) {
            case DIAGNOSIS_RECORDED, DIAGNOSIS_AMENDED, DIAGNOSIS_VOIDED -> DIAGNOSIS;
            case ASSESSMENT_RECORDED, ASSESSMENT_AMENDED, ASSESSMENT_VOIDED -> ASSESSMENT;
            case INJECTION_ADMINISTERED, INJECTION_AMENDED, INJECTION_VOIDED -> INJECTION;
            case THERAPY_PRESCRIBED, THERAPY_AMENDED, THERAPY_VOIDED -> THERAPY;
            case THERAPY_SESSION_LOGGED -> THERAPY_SESSION;
        };
    }
}
