package org.footdrop.auth.client;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.footdrop.auth.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClientConfiguration.class);

    /** bcrypt behind an {id} prefix, so a stronger algorithm can take over without rehashing by hand. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Six fixed clients from configuration, the role clients and the web app: nothing to persist, so in memory. */
    @Bean
    RegisteredClientRepository registeredClientRepository(AuthProperties properties, PasswordEncoder encoder) {
        List<RegisteredClient> clients = new ArrayList<>(RoleClients.from(properties, encoder));
        clients.add(WebAppClient.from(properties, encoder));
        RegisteredClientRepository repository = new InMemoryRegisteredClientRepository(clients);
        log.info(
                "Clients (client credentials; scope = client id): {}; access tokens live {}, audience {}",
                String.join(", ", AuthProperties.ROLES),
                properties.tokenTtl(),
                properties.audiences());
        log.info(
                "Web app client {} (authorization code with PKCE, OpenID Connect): redirect URI {}, after logout {}",
                AuthProperties.WEB_CLIENT_ID,
                properties.webClient().redirectUri(),
                properties.webClient().postLogoutRedirectUri());
        List<String> defaults = RoleClients.usingLocalDefaultSecret(properties);
        if (!defaults.isEmpty()) {
            // warned, not refused: the launcher and compose's demo run on them; anywhere reachable they are public
            log.warn(
                    "Local default secrets (<role>-local-secret, public: for local use only) still in use by: {}; "
                            + "override with {}",
                    String.join(", ", defaults),
                    defaults.stream().map(AuthProperties::secretVariable).collect(Collectors.joining(", ")));
        }
        if (properties.webClient().secret().equals(AuthProperties.localDefaultSecret(AuthProperties.WEB_CLIENT_ID))) {
            log.warn(
                    "Local default secret (public: for local use only) still in use by {}; override with {}",
                    AuthProperties.WEB_CLIENT_ID,
                    AuthProperties.WEB_CLIENT_SECRET_VARIABLE);
        }
        return repository;
    }
}
