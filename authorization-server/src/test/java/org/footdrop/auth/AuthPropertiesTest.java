package org.footdrop.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthPropertiesTest {

    private static final List<String> AUDIENCES = List.of("intake-service");

    @Test
    void shouldRefuseToStartWithARoleMissingOrAnUnknownOne() {
        // given
        Map<String, AuthProperties.Client> missingAdmin = clients();
        missingAdmin.remove("admin");
        Map<String, AuthProperties.Client> withBilling = clients();
        withBilling.put("billing", new AuthProperties.Client("x"));

        // when / then
        assertThatThrownBy(() -> properties(missingAdmin, AUDIENCES, Duration.ofMinutes(5), null))
                .hasMessageContaining("exactly the roles");
        assertThatThrownBy(() -> properties(withBilling, AUDIENCES, Duration.ofMinutes(5), null))
                .hasMessageContaining("billing");
    }

    @Test
    void shouldRefuseAnEmptySecretOrTtlOrAudience() {
        // given
        Map<String, AuthProperties.Client> blankOps = clients();
        blankOps.put("ops", new AuthProperties.Client(" "));

        // when / then
        assertThatThrownBy(() -> properties(blankOps, AUDIENCES, Duration.ofMinutes(5), null))
                .hasMessageContaining("footdrop.auth.clients.ops.secret");
        assertThatThrownBy(() -> properties(clients(), AUDIENCES, Duration.ZERO, null))
                .hasMessageContaining("token-ttl");
        assertThatThrownBy(() -> properties(clients(), List.of(), Duration.ofMinutes(5), null))
                .hasMessageContaining("audiences");
    }

    @Test
    void shouldNameTheVariableThatOverridesEachSecretAndNeverPrintOne() {
        // given
        AuthProperties.Client client = new AuthProperties.Client("s3cret");

        // when / then
        assertThat(AuthProperties.secretVariable("clinical-writer"))
                .isEqualTo("FOOTDROP_AUTH_CLIENTS_CLINICAL_WRITER_SECRET");
        assertThat(AuthProperties.secretVariable("ops")).isEqualTo("FOOTDROP_AUTH_CLIENTS_OPS_SECRET");
        assertThat(client.toString()).doesNotContain("s3cret");
        assertThat(properties(clients(), AUDIENCES, Duration.ofMinutes(5), " ").keyDir())
                .isNull();
    }

    @Test
    void shouldUseOneLocalUserPerPersonRoleUntilUsersAreConfiguredAndThenOnlyThose() {
        // given
        Map<String, AuthProperties.User> configured =
                Map.of("dr.grey", new AuthProperties.User("s3cret-pass", null, "clinician"));

        // when
        AuthProperties defaults = withUsers(Map.of());
        AuthProperties fromConfiguration = withUsers(configured);

        // then
        assertThat(defaults.usingLocalUsers()).isTrue();
        assertThat(defaults.users()).containsOnlyKeys("local-clinician", "local-analyst", "local-ops", "local-admin");
        assertThat(defaults.users().get("local-ops").role()).isEqualTo("ops");
        assertThat(defaults.users().get("local-ops").password()).isEqualTo("local-ops-password");
        assertThat(fromConfiguration.usingLocalUsers()).isFalse();
        assertThat(fromConfiguration.users()).containsOnlyKeys("dr.grey");
        assertThat(configured.get("dr.grey").toString()).doesNotContain("s3cret-pass");
    }

    @Test
    void shouldRefuseAUserWithoutAPersonRoleOrWithoutExactlyOnePasswordOrWithABadName() {
        // when / then
        assertThatThrownBy(() -> withUsers(Map.of("ann", new AuthProperties.User("pw", null, "clinical-writer"))))
                .hasMessageContaining("footdrop.auth.users.ann.role must be one of [clinician, analyst, ops, admin]");
        assertThatThrownBy(() -> withUsers(Map.of("ann", new AuthProperties.User(null, " ", "analyst"))))
                .hasMessageContaining("exactly one of password and password-hash");
        assertThatThrownBy(() -> withUsers(Map.of("ann", new AuthProperties.User("pw", "{bcrypt}$2a$x", "analyst"))))
                .hasMessageContaining("exactly one of password and password-hash");
        assertThatThrownBy(() -> withUsers(Map.of("ann", new AuthProperties.User(null, "$2a$10$abc", "analyst"))))
                .hasMessageContaining("must name its encoder");
        // a hash that keeps the password all but clear, or one slower to check than an unknown name's
        for (String weak : List.of(
                "{noop}clear-text",
                "{MD5}{salt}5f4dcc3b5aa765d61d8327deb882cf99",
                "{bcrypt}$2a$12$Ag4hGPb9bKu/sUBVWiLHhuC4nnT4CfB9GBiNbberiseJq0NJC7Q96")) {
            assertThatThrownBy(() -> withUsers(Map.of("ann", new AuthProperties.User(null, weak, "analyst"))))
                    .as(weak)
                    .hasMessageContaining("must be a bcrypt hash of cost 10");
        }
        assertThat(withUsers(Map.of(
                                "ann",
                                new AuthProperties.User(
                                        null,
                                        "{bcrypt}$2a$10$Ag4hGPb9bKu/sUBVWiLHhuC4nnT4CfB9GBiNbberiseJq0NJC7Q96",
                                        "analyst")))
                        .users())
                .containsOnlyKeys("ann");
        assertThatThrownBy(() -> withUsers(Map.of("ann smith", new AuthProperties.User("pw", null, "analyst"))))
                .hasMessageContaining("a user name is 1 to 64 letters");
    }

    @Test
    void shouldRefuseAWebClientWithoutSecretOrWithARelativeRedirectAndALoginThrottleThatCannotLock() {
        // when / then
        assertThatThrownBy(
                        () -> new AuthProperties.WebClient(" ", "http://localhost:8080/cb", "http://localhost:8080/"))
                .hasMessageContaining("web-client.secret");
        assertThatThrownBy(() -> new AuthProperties.WebClient("s", "/login/oauth2/code/clinic", "http://localhost/"))
                .hasMessageContaining("web-client.redirect-uri");
        assertThatThrownBy(() -> new AuthProperties.WebClient("s", "http://localhost/cb", "javascript:alert(1)"))
                .hasMessageContaining("web-client.post-logout-redirect-uri");
        assertThatThrownBy(() -> new AuthProperties.Login(0, Duration.ofSeconds(30), Duration.ofMinutes(1)))
                .hasMessageContaining("max-failures");
        assertThatThrownBy(() -> new AuthProperties.Login(5, Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .hasMessageContaining("max-lock");
        assertThat(new AuthProperties.WebClient("s3cret-web", "http://localhost/cb", "http://localhost/").toString())
                .doesNotContain("s3cret-web");
    }

    private static AuthProperties withUsers(Map<String, AuthProperties.User> users) {
        return new AuthProperties(clients(), AUDIENCES, Duration.ofMinutes(5), null, users, null, null);
    }

    private static AuthProperties properties(
            Map<String, AuthProperties.Client> clients, List<String> audiences, Duration ttl, String keyDir) {
        return new AuthProperties(clients, audiences, ttl, keyDir, null, null, null);
    }

    private static Map<String, AuthProperties.Client> clients() {
        Map<String, AuthProperties.Client> clients = new HashMap<>();
        AuthProperties.ROLES.forEach(role -> clients.put(role, new AuthProperties.Client(role + "-local-secret")));
        return clients;
    }
}
