package org.footdrop.contract;

/**
 * The kinds of clinical record, named once: every event type is about one of them. intake-service
 * owns diagnoses and assessments; treatment-service owns injections, therapies and their sessions.
 */
public enum RecordType {
    DIAGNOSIS("diagnoses"),
    ASSESSMENT("assessments"),
    INJECTION("injections"),
    THERAPY("therapies"),
    THERAPY_SESSION("therapySessions");

    private final String plural;

    RecordType(String plural) {
        this.plural = plural;
    }

    /** The plural as a field name, e.g. {@code therapySessions}. */
    public String plural() {
        return plural;
    }
}
