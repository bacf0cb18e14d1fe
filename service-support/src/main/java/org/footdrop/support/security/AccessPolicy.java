package org.footdrop.support.security;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A service's API paths and the role each needs. Health is public, the rest of actuator needs
 * ops, and anything no rule names is denied, so a new endpoint stays closed until it is listed.
 */
public record AccessPolicy(List<AccessRule> rules) {

    public static AccessPolicy of(AccessRule... rules) {
        return new AccessPolicy(List.of(rules));
    }

    /**
     * The role a request needs by the first rule that matches it, as the security chain matches
     * them (path patterns, first match wins); empty when no rule does, so the request is denied.
     * A path template's {@code {variable}} segments match as any value would.
     */
    public Optional<Role> roleFor(HttpMethod method, String path) {
        PathContainer requestPath = PathContainer.parsePath(path);
        return rules.stream()
                .filter(rule -> rule.method() == null || rule.method().equals(method))
                .filter(rule ->
                        PathPatternParser.defaultInstance.parse(rule.pattern()).matches(requestPath))
                .map(AccessRule::role)
                .findFirst();
    }

    /**
     * A service that owns clinical records: clinical systems write them, clinicians read them. A
     * bulk import is a write: the clinical system that starts one follows it (the job itself checks
     * it is the one who started it). An admin follows every caller's jobs under /api/v1/admin/imports.
     */
    public static AccessPolicy clinicalRecords() {
        return of(
                AccessRule.get("/api/v1/imports/**", Role.CLINICAL_WRITER),
                AccessRule.get("/api/v1/admin/imports/**", Role.ADMIN),
                AccessRule.get("/api/v1/**", Role.CLINICIAN),
                new AccessRule(HttpMethod.POST, "/api/v1/**", Role.CLINICAL_WRITER),
                new AccessRule(HttpMethod.PUT, "/api/v1/**", Role.CLINICAL_WRITER),
                new AccessRule(HttpMethod.DELETE, "/api/v1/**", Role.CLINICAL_WRITER));
    }
}
