package org.footdrop.support.security;

/** The five roles of docs/security.md, "Roles"; each is one OAuth2 scope of the same name. */
public enum Role {
    CLINICAL_WRITER("clinical-writer", "Clinical systems: record, amend and void clinical records"),
    CLINICIAN("clinician", "Clinicians: read named patients' records, outcomes and data-quality lists"),
    ANALYST("analyst", "Analysts: read suppressed cohort figures and de-identified exports"),
    OPS("ops", "Operations: read metrics and health details"),
    ADMIN("admin", "Administrators: re-drive dead letters and rebuild projections");

    private final String scope;
    private final String description;

    Role(String scope, String description) {
        this.scope = scope;
        this.description = description;
    }

    /** What holding the scope allows, for the API description. */
    public String description() {
        return description;
    }

    public String scope() {
        return scope;
    }

    /** Spring Security maps each granted scope to an authority with this prefix. */
    public String authority() {
        return "SCOPE_" + scope;
    }
}
