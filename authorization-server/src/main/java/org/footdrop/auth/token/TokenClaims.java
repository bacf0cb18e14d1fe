package org.footdrop.auth.token;

import java.security.Principal;
import java.util.List;
import org.footdrop.auth.user.UserAccounts;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Access tokens name the services as their audience (the stock token names the client), and carry
 * {@code scope} as one space-separated string and {@code client_id}, as RFC 9068 has them. Spring's
 * resource servers read either form of {@code scope} into {@code SCOPE_<role>}.
 *
 * <p>A token issued to a person (authorization code, and its refreshes) carries the same claims the
 * services trust from a role client: {@code scope} is the person's role, not the {@code openid} the
 * web app asked for, and {@code sub} is the user name, so the services' audit records name the
 * person ({@code client_id} names the web app). The ID token and userinfo carry the role as
 * {@code role}, for the web app to shape its pages.
 */
public final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLE_CLAIM = "role";

    private final List<String> audiences;

    TokenClaims(List<String> audiences) {
        this.audiences = List.copyOf(audiences);
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            List<String> roles = personRoles(context);
            if (!roles.isEmpty()) {
                context.getClaims().claim(ROLE_CLAIM, String.join(" ", roles));
            }
            return;
        }
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        context.getClaims().audience(audiences);
        context.getClaims().claim("client_id", context.getRegisteredClient().getClientId());
        if (issuedToAPerson(context)) {
            List<String> roles = personRoles(context);
            if (roles.isEmpty()) {
                context.getClaims().claims(claims -> claims.remove("scope")); // no role, no access
            } else {
                context.getClaims().claim("scope", String.join(" ", roles));
            }
        } else if (!context.getAuthorizedScopes().isEmpty()) {
            context.getClaims().claim("scope", String.join(" ", context.getAuthorizedScopes()));
        }
    }

    /** What userinfo answers: the subject and the role, whatever scopes beyond openid were granted. */
    public static OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
        OAuth2Authorization authorization = context.getAuthorization();
        OidcUserInfo.Builder info = OidcUserInfo.builder().subject(authorization.getPrincipalName());
        if (authorization.getAttribute(Principal.class.getName()) instanceof Authentication person) {
            List<String> roles = UserAccounts.roles(person.getAuthorities());
            if (!roles.isEmpty()) {
                info.claim(ROLE_CLAIM, String.join(" ", roles));
            }
        }
        return info.build();
    }

    private static boolean issuedToAPerson(JwtEncodingContext context) {
        AuthorizationGrantType grant = context.getAuthorizationGrantType();
        return AuthorizationGrantType.AUTHORIZATION_CODE.equals(grant)
                || AuthorizationGrantType.REFRESH_TOKEN.equals(grant);
    }

    private static List<String> personRoles(JwtEncodingContext context) {
        Authentication principal = context.getPrincipal();
        return principal == null ? List.of() : UserAccounts.roles(principal.getAuthorities());
    }
}
