package org.footdrop.support.security;

/** The five roles of docs/security.md, "Roles"; each is one OAuth2 scope of the same name. */
public enum Role {
    CLINICAL_WRITER("clinical-writer"),
    CLINICIAN("clinician"),
    ANALYST("analyst"),
    OPS("ops"),
    ADMIN("admin");

    private final String scope;

    Role(String scope) {
        this.scope = scope;
    }

    public String scope() {
        return scope;
    }

    /** Spring Security maps each granted scope to an authority with this prefix. */
    public String authority() {
        return "SCOPE_" + scope;
    }
}
