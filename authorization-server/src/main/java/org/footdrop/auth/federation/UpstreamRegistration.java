package org.footdrop.auth.federation;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * Our client registration at the clinic's provider, read from its discovery document on first use
 * and kept: the server starts (and its own clients and users work) while the provider is away, and a
 * failed read is tried again at the next sign-in.
 */
final class UpstreamRegistration implements ClientRegistrationRepository {

    private final FederationProperties settings;
    private volatile ClientRegistration registration;

    UpstreamRegistration(FederationProperties settings) {
        this.settings = settings;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!FederationProperties.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = discover();
                }
                known = registration;
            }
        }
        return known;
    }

    private ClientRegistration discover() {
        return ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                .registrationId(FederationProperties.REGISTRATION_ID)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(settings.scopes())
                .userNameAttributeName(settings.userNameClaim())
                .clientName(settings.name())
                // PKCE as well as the secret, whether or not the provider asks for it.
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build())
                .build();
    }
}
