package org.footdrop.auth.token;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * A client-credentials request without {@code scope} gets the client's registered scope (its role),
 * as RFC 6749 section 3.3 allows. The stock provider would issue a token without any scope, which
 * every service refuses, so {@code curl -u ops:... -d grant_type=client_credentials} would look
 * like it worked and then fail everywhere. A request naming another role's scope is still refused.
 */
public final class DefaultScopes implements AuthenticationProvider {

    private final AuthenticationProvider delegate;

    private DefaultScopes(AuthenticationProvider delegate) {
        this.delegate = delegate;
    }

    /** Wraps the client-credentials provider; returns any other provider as it is. */
    public static AuthenticationProvider wrap(AuthenticationProvider provider) {
        return provider instanceof OAuth2ClientCredentialsAuthenticationProvider
                ? new DefaultScopes(provider)
                : provider;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        OAuth2ClientCredentialsAuthenticationToken request =
                (OAuth2ClientCredentialsAuthenticationToken) authentication;
        if (request.getScopes().isEmpty()
                && request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
                && client.isAuthenticated()) {
            RegisteredClient registered = client.getRegisteredClient();
            if (registered != null) {
                request = new OAuth2ClientCredentialsAuthenticationToken(
                        client, registered.getScopes(), request.getAdditionalParameters());
            }
        }
        return delegate.authenticate(request);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
