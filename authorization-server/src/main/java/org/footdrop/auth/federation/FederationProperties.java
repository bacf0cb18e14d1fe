package org.footdrop.auth.federation;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.footdrop.auth.AuthProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A clinic's own single sign-on (any OpenID Connect provider), under {@code footdrop.auth.federation}.
 * Off while {@code issuer-uri} is blank. A person signed in there gets our tokens like a local user:
 * {@code sub} = the value of {@code user-name-claim}, {@code scope} = the one role found in
 * {@code role-claim}, through {@code role-mapping} when it is set.
 *
 * @param name what the sign-in page offers: "Sign in with {name}"
 * @param issuerUri the provider's issuer; its discovery document is read from there
 * @param clientId our client id at the provider
 * @param clientSecret our client secret at the provider
 * @param scopes what we ask the provider for; {@code openid} at least
 * @param userNameClaim the claim (ID token or userinfo) that names the person; it becomes {@code sub}
 * @param roleClaim the claim that holds the person's role, or the groups that map to it (a string,
 *     space-separated values, or a list)
 * @param roleMapping upstream value to one of our person roles; empty: the claim's values are our role names
 */
@ConfigurationProperties("footdrop.auth.federation")
public record FederationProperties(
        String name,
        String issuerUri,
        String clientId,
        String clientSecret,
        List<String> scopes,
        String userNameClaim,
        String roleClaim,
        Map<String, String> roleMapping) {

    /** Where the sign-in page links to and the provider returns to: /oauth2/authorization/{id}, /login/oauth2/code/{id}. */
    public static final String REGISTRATION_ID = "clinic-sso";

    public FederationProperties {
        issuerUri = issuerUri == null || issuerUri.isBlank() ? null : issuerUri.strip();
        name = name == null || name.isBlank() ? "your clinic's sign-in" : name.strip();
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid") : List.copyOf(scopes);
        userNameClaim = userNameClaim == null || userNameClaim.isBlank() ? "sub" : userNameClaim.strip();
        roleClaim = roleClaim == null || roleClaim.isBlank() ? null : roleClaim.strip();
        roleMapping = roleMapping == null ? Map.of() : Map.copyOf(new TreeMap<>(roleMapping));
        if (issuerUri != null) {
            // Configured: fail at start rather than at the first person's sign-in.
            URI issuer = URI.create(issuerUri);
            if (!("https".equals(issuer.getScheme()) || "http".equals(issuer.getScheme()))
                    || issuer.getHost() == null) {
                throw new IllegalArgumentException(
                        "footdrop.auth.federation.issuer-uri must be an absolute http(s) URI, was " + issuerUri);
            }
            require("client-id", clientId);
            require("client-secret", clientSecret);
            require("role-claim", roleClaim);
            if (!scopes.contains("openid")) {
                throw new IllegalArgumentException("footdrop.auth.federation.scopes must include openid");
            }
            roleMapping.forEach((upstream, role) -> {
                if (!AuthProperties.USER_ROLES.contains(role)) {
                    throw new IllegalArgumentException("footdrop.auth.federation.role-mapping." + upstream
                            + " must be one of " + AuthProperties.USER_ROLES + ", was " + role);
                }
            });
        }
    }

    public boolean enabled() {
        return issuerUri != null;
    }

    @Override
    public String toString() {
        return "FederationProperties[name=" + name + ", issuerUri=" + issuerUri + ", clientId=" + clientId
                + ", scopes=" + scopes + ", userNameClaim=" + userNameClaim + ", roleClaim=" + roleClaim
                + ", roleMapping=" + roleMapping + ", clientSecret=***]";
    }

    private static void require(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "footdrop.auth.federation." + property + " is empty, but issuer-uri is set");
        }
    }
}
