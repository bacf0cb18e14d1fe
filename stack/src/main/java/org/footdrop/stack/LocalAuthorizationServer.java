package org.footdrop.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The authorization server as the launcher runs it (port 9000, docs/operating.md): what it is
 * given, what the services are given to check its tokens, and what a person needs to get one.
 * The clients mirror authorization-server's application.yml (ComposeFileTest keeps them in line).
 */
public final class LocalAuthorizationServer {

    /** Token issuing only, so a small heap; measured resident size in docs/performance.md. */
    public static final ServiceSpec SPEC = new ServiceSpec("auth", "authorization-server", 9000, null, 96);

    /** One client per role; client id = role = its only scope. */
    public static final List<String> CLIENTS = List.of("clinical-writer", "clinician", "analyst", "ops", "admin");

    /** The client people sign in through: the clinic's web app (authorization code with PKCE). */
    public static final String WEB_CLIENT = "clinic-web";

    public static final String WEB_CLIENT_SECRET_VARIABLE = "FOOTDROP_AUTH_WEB_CLIENT_SECRET";

    /**
     * The roles a person may hold; the authorization server's local default users are one per role,
     * named local-&lt;role&gt; with the password &lt;name&gt;-password (authorization-server's
     * AuthProperties.LOCAL_USERS, which this mirrors).
     */
    public static final List<String> PERSON_ROLES = List.of("clinician", "analyst", "ops", "admin");

    /** Users set in the environment (footdrop.auth.users.*) replace the local defaults all at once. */
    private static final String USERS_VARIABLE_PREFIX = "FOOTDROP_AUTH_USERS_";

    private LocalAuthorizationServer() {}

    public static String issuer() {
        return SPEC.url();
    }

    public static String jwksUri() {
        return issuer() + "/oauth2/jwks";
    }

    public static String tokenUri() {
        return issuer() + "/oauth2/token";
    }

    /** Its issuer, and a directory that keeps its signing key, so tokens survive a restart of the stack. */
    public static Map<String, String> environment(Path dataDir) {
        return environment(issuer(), dataDir);
    }

    /** As {@link #environment(Path)}, for one on another port: {@code issuer} is its base URL. */
    public static Map<String, String> environment(String issuer, Path dataDir) {
        return Map.of(
                "FOOTDROP_AUTH_ISSUER",
                issuer,
                "FOOTDROP_AUTH_KEY_DIR",
                dataDir.resolve(SPEC.name()).toString());
    }

    /** What each service needs to check a token: who must have issued it, and where its keys are. */
    public static Map<String, String> serviceEnvironment() {
        return serviceEnvironment(issuer());
    }

    /** As {@link #serviceEnvironment()}, for an authorization server whose base URL is {@code issuer}. */
    public static Map<String, String> serviceEnvironment(String issuer) {
        return Map.of("FOOTDROP_AUTH_ISSUER", issuer, "FOOTDROP_AUTH_JWKS_URI", issuer + "/oauth2/jwks");
    }

    public static String localDefaultSecret(String client) {
        return client + "-local-secret";
    }

    public static String secretVariable(String client) {
        return "FOOTDROP_AUTH_CLIENTS_" + client.toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRET";
    }

    /**
     * The clients and their secrets for the console. A secret set in the environment (the child
     * inherits it) is named by its variable, never printed.
     */
    public static String clientsSummary(Map<String, String> env) {
        StringBuilder out = new StringBuilder("Clients (client credentials at ")
                .append(tokenUri())
                .append("; the defaults are for this machine only):")
                .append(System.lineSeparator());
        for (String client : CLIENTS) {
            out.append(String.format("  %-18s %s%n", client, secretShown(client, env)));
        }
        out.append("Get a token, e.g. as analyst:")
                .append(System.lineSeparator())
                .append("  curl -s -u ")
                .append(credentials("analyst", env))
                .append(" -d grant_type=client_credentials ")
                .append(tokenUri());
        return out.toString();
    }

    public static String localUser(String role) {
        return "local-" + role;
    }

    public static String localDefaultPassword(String user) {
        return user + "-password";
    }

    /**
     * The people who can sign in, with their passwords and roles, and the web app's client, for the
     * console. Users or a secret set in the environment are named by their variables, never printed.
     */
    public static String usersSummary(Map<String, String> env) {
        String webSecret = env.getOrDefault(WEB_CLIENT_SECRET_VARIABLE, "").isBlank()
                ? localDefaultSecret(WEB_CLIENT)
                : "(secret from $" + WEB_CLIENT_SECRET_VARIABLE + ")";
        StringBuilder out = new StringBuilder("People sign in through the web app's client ")
                .append(WEB_CLIENT)
                .append(" (")
                .append(webSecret)
                .append("; authorization code with PKCE at ")
                .append(issuer())
                .append("/oauth2/authorize):")
                .append(System.lineSeparator());
        if (env.keySet().stream().anyMatch(name -> name.startsWith(USERS_VARIABLE_PREFIX))) {
            return out.append("  users from the environment ($")
                    .append(USERS_VARIABLE_PREFIX)
                    .append("...); the local defaults are off")
                    .toString();
        }
        out.append(String.format("  %-18s %-26s %s%n", "user", "password", "role"));
        for (String role : PERSON_ROLES) {
            String user = localUser(role);
            out.append(String.format("  %-18s %-26s %s%n", user, localDefaultPassword(user), role));
        }
        return out.append("  (configure footdrop.auth.users to replace them; the defaults are for this machine only)")
                .toString();
    }

    private static boolean overridden(String client, Map<String, String> env) {
        String value = env.get(secretVariable(client));
        return value != null && !value.isBlank();
    }

    private static String secretShown(String client, Map<String, String> env) {
        return overridden(client, env) ? "(secret from $" + secretVariable(client) + ")" : localDefaultSecret(client);
    }

    private static String credentials(String client, Map<String, String> env) {
        return overridden(client, env)
                ? "\"" + client + ":$" + secretVariable(client) + "\""
                : client + ":" + localDefaultSecret(client);
    }
}
