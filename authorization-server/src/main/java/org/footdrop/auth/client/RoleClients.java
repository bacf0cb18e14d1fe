package org.footdrop.auth.client;

import java.util.List;
import org.footdrop.auth.AuthProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** One client per role: client id = role = its only scope, client credentials only, secret stored hashed. */
final class RoleClients {

    private RoleClients() {}

    static List<RegisteredClient> from(AuthProperties properties, PasswordEncoder encoder) {
        return AuthProperties.ROLES.stream()
                .map(role -> client(role, properties.clients().get(role).secret(), properties, encoder))
                .toList();
    }

    private static RegisteredClient client(
            String role, String secret, AuthProperties properties, PasswordEncoder encoder) {
        return RegisteredClient.withId(role)
                .clientId(role)
                .clientName(role)
                .clientSecret(encoder.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(role)
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(properties.tokenTtl())
                        .build())
                .build();
    }

    /** Roles whose secret is still the public local default: worth a line at start-up, never the others' secrets. */
    static List<String> usingLocalDefaultSecret(AuthProperties properties) {
        return AuthProperties.ROLES.stream()
                .filter(role -> properties.clients().get(role).secret().equals(AuthProperties.localDefaultSecret(role)))
                .toList();
    }
}
