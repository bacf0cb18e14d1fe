package org.footdrop.auth;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the authorization server issues, under {@code footdrop.auth}.
 *
 * @param clients one entry per role, keyed by role name; the role is also the client id and its only scope
 * @param audiences the services a token is meant for ({@code aud})
 * @param tokenTtl how long an access token stays valid
 * @param keyDir where the signing key is kept across restarts; blank keeps it in memory only
 */
@ConfigurationProperties("footdrop.auth")
public record AuthProperties(Map<String, Client> clients, List<String> audiences, Duration tokenTtl, String keyDir) {

    /** The roles of docs/security.md, "Roles", in the order they are listed there. */
    public static final List<String> ROLES = List.of("clinical-writer", "clinician", "analyst", "ops", "admin");

    public AuthProperties {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
        // Fail at start rather than issue tokens nobody can use, or leave a role without a client.
        if (!clients.keySet().equals(Set.copyOf(ROLES))) {
            throw new IllegalArgumentException("footdrop.auth.clients must configure exactly the roles " + ROLES
                    + ", found " + new TreeSet<>(clients.keySet()));
        }
        clients.forEach((role, client) -> {
            if (client == null || client.secret() == null || client.secret().isBlank()) {
                throw new IllegalArgumentException("footdrop.auth.clients." + role + ".secret is empty");
            }
        });
        if (audiences.isEmpty()) {
            throw new IllegalArgumentException("footdrop.auth.audiences is empty");
        }
        if (tokenTtl == null || tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("footdrop.auth.token-ttl must be positive, was " + tokenTtl);
        }
        keyDir = keyDir == null || keyDir.isBlank() ? null : keyDir;
    }

    /** @param secret the client secret as configured, in clear; it is hashed before it is stored */
    public record Client(String secret) {

        @Override
        public String toString() {
            return "Client[secret=***]"; // configuration binding errors print records; never the secret
        }
    }

    /** The secret a fresh checkout uses; fine on a developer machine, never anywhere else. */
    public static String localDefaultSecret(String role) {
        return role + "-local-secret";
    }

    /** The environment variable that overrides a role's secret, e.g. FOOTDROP_AUTH_CLIENTS_CLINICAL_WRITER_SECRET. */
    public static String secretVariable(String role) {
        return "FOOTDROP_AUTH_CLIENTS_" + role.toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRET";
    }
}
