package org.footdrop.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the authorization server issues, under {@code footdrop.auth}.
 *
 * @param clients one entry per role, keyed by role name; the role is also the client id and its only scope
 * @param audiences the services a token is meant for ({@code aud})
 * @param tokenTtl how long an access token stays valid
 * @param keyDir where the signing key is kept across restarts; blank keeps it in memory only
 * @param users the people who sign in, keyed by user name; none configured means the local default
 *     users ({@link #LOCAL_USERS}), configured ones replace them all
 * @param webClient the clinic's web app, the one client people sign in through
 * @param login how repeated sign-in failures are slowed down
 */
@ConfigurationProperties("footdrop.auth")
public record AuthProperties(
        Map<String, Client> clients,
        List<String> audiences,
        Duration tokenTtl,
        String keyDir,
        Map<String, User> users,
        WebClient webClient,
        Login login) {

    /** The roles of docs/security.md, "Roles", in the order they are listed there. */
    public static final List<String> ROLES = List.of("clinical-writer", "clinician", "analyst", "ops", "admin");

    /** The roles a person may hold: every role but the clinical systems' writer. */
    public static final List<String> USER_ROLES = List.of("clinician", "analyst", "ops", "admin");

    /** The web app's client id; the role clients' ids are role names, so it cannot clash with one. */
    public static final String WEB_CLIENT_ID = "clinic-web";

    /** The environment variable that sets the web app's secret (footdrop.auth.web-client.secret). */
    public static final String WEB_CLIENT_SECRET_VARIABLE = "FOOTDROP_AUTH_WEB_CLIENT_SECRET";

    /** One local user per person role, named after it: local-clinician, local-analyst, local-ops, local-admin. */
    public static final Map<String, User> LOCAL_USERS = localUsers();

    /** What a user name may look like: it becomes the tokens' {@code sub} and the services' audit subject. */
    /** A user name: 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit. */
    public static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

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
        users = users == null || users.isEmpty() ? LOCAL_USERS : checkedUsers(users);
        webClient = webClient == null ? WebClient.LOCAL : webClient;
        login = login == null ? Login.DEFAULT : login;
    }

    /** True when no user is configured, so the public local defaults are the only ones. */
    public boolean usingLocalUsers() {
        return users.equals(LOCAL_USERS);
    }

    /** @param secret the client secret as configured, in clear; it is hashed before it is stored */
    public record Client(String secret) {

        @Override
        public String toString() {
            return "Client[secret=***]"; // configuration binding errors print records; never the secret
        }
    }

    /**
     * One person who signs in.
     *
     * @param password in clear, hashed (bcrypt) at start and never kept; or
     * @param passwordHash already hashed, with its encoder's prefix, e.g. {@code {bcrypt}$2a$10$...}
     * @param role one of {@link #USER_ROLES}; it becomes the scope of the person's access tokens
     */
    public record User(String password, String passwordHash, String role) {

        public User {
            password = password == null || password.isEmpty() ? null : password;
            passwordHash = passwordHash == null || passwordHash.isBlank() ? null : passwordHash.strip();
        }

        @Override
        public String toString() {
            return "User[role=" + role + ", password=***]";
        }
    }

    /**
     * The clinic's web app (a backend for the browser): a confidential client that signs people in
     * with the authorization-code flow and PKCE.
     *
     * @param secret its client secret, in clear; hashed before it is stored
     * @param redirectUri where the browser returns with the code
     * @param postLogoutRedirectUri where the browser goes after signing out (RP-initiated logout)
     */
    public record WebClient(String secret, String redirectUri, String postLogoutRedirectUri) {

        static final WebClient LOCAL = new WebClient(
                localDefaultSecret(WEB_CLIENT_ID),
                "http://localhost:8080/login/oauth2/code/clinic",
                "http://localhost:8080/");

        public WebClient {
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("footdrop.auth.web-client.secret is empty");
            }
            requireAbsoluteUri("footdrop.auth.web-client.redirect-uri", redirectUri);
            requireAbsoluteUri("footdrop.auth.web-client.post-logout-redirect-uri", postLogoutRedirectUri);
        }

        @Override
        public String toString() {
            return "WebClient[redirectUri=" + redirectUri + ", postLogoutRedirectUri=" + postLogoutRedirectUri
                    + ", secret=***]";
        }
    }

    /**
     * After {@code maxFailures} consecutive failed sign-ins for one user name, that name is locked
     * for {@code lock}; each further failure after a lock doubles it, up to {@code maxLock}. A
     * success resets the count.
     */
    public record Login(int maxFailures, Duration lock, Duration maxLock) {

        static final Login DEFAULT = new Login(5, Duration.ofSeconds(30), Duration.ofMinutes(15));

        public Login {
            if (maxFailures < 1) {
                throw new IllegalArgumentException("footdrop.auth.login.max-failures must be at least 1");
            }
            if (lock == null || lock.isNegative() || lock.isZero()) {
                throw new IllegalArgumentException("footdrop.auth.login.lock must be positive, was " + lock);
            }
            if (maxLock == null || maxLock.compareTo(lock) < 0) {
                throw new IllegalArgumentException(
                        "footdrop.auth.login.max-lock must be at least footdrop.auth.login.lock, was " + maxLock);
            }
        }
    }

    /** The secret a fresh checkout uses; fine on a developer machine, never anywhere else. */
    public static String localDefaultSecret(String role) {
        return role + "-local-secret";
    }

    /** The password a local default user has; as public as the local secrets. */
    public static String localDefaultPassword(String userName) {
        return userName + "-password";
    }

    /** The environment variable that overrides a role's secret, e.g. FOOTDROP_AUTH_CLIENTS_CLINICAL_WRITER_SECRET. */
    public static String secretVariable(String role) {
        return "FOOTDROP_AUTH_CLIENTS_" + role.toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRET";
    }

    private static Map<String, User> localUsers() {
        Map<String, User> users = new LinkedHashMap<>();
        USER_ROLES.forEach(
                role -> users.put("local-" + role, new User(localDefaultPassword("local-" + role), null, role)));
        return Collections.unmodifiableMap(users);
    }

    /** A bcrypt hash of the cost this server checks unknown names at, as Spring Security writes it. */
    private static final Pattern BCRYPT_10 = Pattern.compile("\\{bcrypt}\\$2[aby]\\$10\\$[./A-Za-z0-9]{53}");

    private static Map<String, User> checkedUsers(Map<String, User> users) {
        Map<String, User> checked = new TreeMap<>();
        users.forEach((name, user) -> {
            String property = "footdrop.auth.users." + name;
            if (!USER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(property + ": a user name is 1 to 64 letters, digits, '.', '_', '@'"
                        + " or '-', starting with a letter or digit");
            }
            if (user == null || !USER_ROLES.contains(user.role())) {
                throw new IllegalArgumentException(property + ".role must be one of " + USER_ROLES + ", was "
                        + (user == null ? null : user.role()));
            }
            if ((user.password() == null) == (user.passwordHash() == null)) {
                throw new IllegalArgumentException(property + " needs exactly one of password and password-hash");
            }
            if (user.passwordHash() != null && !user.passwordHash().startsWith("{")) {
                throw new IllegalArgumentException(
                        property + ".password-hash must name its encoder, e.g. {bcrypt}$2a$10$...");
            }
            if (user.passwordHash() != null
                    && !BCRYPT_10.matcher(user.passwordHash()).matches()) {
                // another encoder ({noop}, {MD5}) would keep a password all but clear; another cost would
                // make this user slower to check than a name that does not exist, which says it does
                throw new IllegalArgumentException(property + ".password-hash must be a bcrypt hash of cost 10,"
                        + " {bcrypt}$2a$10$ and 53 characters, as BCryptPasswordEncoder makes by default");
            }
            checked.put(name, user);
        });
        return Collections.unmodifiableMap(checked);
    }

    private static void requireAbsoluteUri(String property, String value) {
        try {
            URI uri = value == null ? null : new URI(value);
            if (uri == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null
                    || uri.getFragment() != null) {
                throw new IllegalArgumentException(property + " must be an absolute http(s) URI, was " + value);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(property + " must be an absolute http(s) URI, was " + value, e);
        }
    }
}
