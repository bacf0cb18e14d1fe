package org.footdrop.webapp.security;

import java.util.Locale;
import java.util.Optional;

/** The person roles of ADR 0010; a person's access token carries exactly one as its scope. */
public enum Role {
    CLINICIAN,
    ANALYST,
    OPS,
    ADMIN;

    /** The role's name in a token's scope, e.g. {@code clinician}. */
    public String scope() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The granted authority this app checks, e.g. {@code ROLE_clinician}. */
    public String authority() {
        return "ROLE_" + scope();
    }

    public static Optional<Role> fromScope(String scope) {
        for (Role role : values()) {
            if (role.scope().equals(scope)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
