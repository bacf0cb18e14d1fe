package org.footdrop.auth.token;

import java.util.List;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Access tokens name the services as their audience (the stock token names the client), and carry
 * {@code scope} as one space-separated string as RFC 9068 has it. Spring's resource servers read
 * either form into {@code SCOPE_<role>}.
 */
final class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final List<String> audiences;

    AccessTokenClaims(List<String> audiences) {
        this.audiences = List.copyOf(audiences);
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        context.getClaims().audience(audiences);
        if (!context.getAuthorizedScopes().isEmpty()) {
            context.getClaims().claim("scope", String.join(" ", context.getAuthorizedScopes()));
        }
    }
}
