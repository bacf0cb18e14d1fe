package org.footdrop.support.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, from the validated token: the OAuth2 client and the subject it acts for (the
 * same for client credentials; different once a clinical system passes a user's token on).
 */
public record Caller(String client, String subject) {

    public static final Caller ANONYMOUS = new Caller("anonymous", "anonymous");

    /** The request attribute under which {@link CallerCaptureFilter} notes the authenticated caller. */
    static final String NOTED = Caller.class.getName() + ".noted";

    /** The caller noted on the request before authorization decided, or {@link #ANONYMOUS}. */
    public static Caller noted(HttpServletRequest request) {
        return request.getAttribute(NOTED) instanceof Caller noted ? noted : ANONYMOUS;
    }

    public static Caller current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Caller of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String subject = jwt.getSubject() == null ? "unknown" : jwt.getSubject();
            String client = firstNonBlank(jwt.getClaimAsString("client_id"), jwt.getClaimAsString("azp"), subject);
            return new Caller(client, subject);
        }
        return ANONYMOUS;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "unknown";
    }
}
