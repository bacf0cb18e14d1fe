package org.footdrop.support.security;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * A service's API paths and the role each needs. Health is public, the rest of actuator needs
 * ops, and anything no rule names is denied, so a new endpoint stays closed until it is listed.
 */
public record AccessPolicy(List<AccessRule> rules) {

    public static AccessPolicy of(AccessRule... rules) {
        return new AccessPolicy(List.of(rules));
    }

    /** A service that owns clinical records: clinical systems write them, clinicians read them. */
    public static AccessPolicy clinicalRecords() {
        return of(
                AccessRule.get("/api/v1/**", Role.CLINICIAN),
                new AccessRule(HttpMethod.POST, "/api/v1/**", Role.CLINICAL_WRITER),
                new AccessRule(HttpMethod.PUT, "/api/v1/**", Role.CLINICAL_WRITER),
                new AccessRule(HttpMethod.DELETE, "/api/v1/**", Role.CLINICAL_WRITER));
    }
}
