package org.footdrop.support.security;

import org.springframework.http.HttpMethod;

/**
 * One line of a service's access policy: requests with this method (any, when null) on paths
 * matching this pattern need this role.
 */
public record AccessRule(HttpMethod method, String pattern, Role role) {

    public static AccessRule get(String pattern, Role role) {
        return new AccessRule(HttpMethod.GET, pattern, role);
    }

    public static AccessRule any(String pattern, Role role) {
        return new AccessRule(null, pattern, role);
    }
}
