package org.footdrop.auth.client;

import java.time.Duration;
import org.footdrop.auth.AuthProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The clinic's web app: a confidential client (its secret stays on its server) that signs people
 * in with the authorization-code flow, PKCE required, and OpenID Connect. No consent screen: it is
 * the clinic's own app, and what a person may do follows from their role, not from a choice made
 * here. Its access tokens carry the person's role as their scope (see token.TokenClaims).
 */
final class WebAppClient {

    /** How long a signed-in web session can go on refreshing its access token without a new sign-in. */
    static final Duration REFRESH_TOKEN_TTL = Duration.ofHours(8);

    private WebAppClient() {}

    static RegisteredClient from(AuthProperties properties, PasswordEncoder encoder) {
        AuthProperties.WebClient web = properties.webClient();
        return RegisteredClient.withId(AuthProperties.WEB_CLIENT_ID)
                .clientId(AuthProperties.WEB_CLIENT_ID)
                .clientName("Clinic web app")
                .clientSecret(encoder.encode(web.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(web.redirectUri())
                .postLogoutRedirectUri(web.postLogoutRedirectUri())
                .scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(properties.tokenTtl())
                        .refreshTokenTimeToLive(REFRESH_TOKEN_TTL)
                        .reuseRefreshTokens(false)
                        .build())
                .build();
    }
}
