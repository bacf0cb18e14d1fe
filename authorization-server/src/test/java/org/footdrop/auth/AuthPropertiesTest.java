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
        assertThatThrownBy(() -> new AuthProperties(missingAdmin, AUDIENCES, Duration.ofMinutes(5), null))
                .hasMessageContaining("exactly the roles");
        assertThatThrownBy(() -> new AuthProperties(withBilling, AUDIENCES, Duration.ofMinutes(5), null))
                .hasMessageContaining("billing");
    }

    @Test
    void shouldRefuseAnEmptySecretOrTtlOrAudience() {
        // given
        Map<String, AuthProperties.Client> blankOps = clients();
        blankOps.put("ops", new AuthProperties.Client(" "));

        // when / then
        assertThatThrownBy(() -> new AuthProperties(blankOps, AUDIENCES, Duration.ofMinutes(5), null))
                .hasMessageContaining("footdrop.auth.clients.ops.secret");
        assertThatThrownBy(() -> new AuthProperties(clients(), AUDIENCES, Duration.ZERO, null))
                .hasMessageContaining("token-ttl");
        assertThatThrownBy(() -> new AuthProperties(clients(), List.of(), Duration.ofMinutes(5), null))
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
        assertThat(new AuthProperties(clients(), AUDIENCES, Duration.ofMinutes(5), " ").keyDir())
                .isNull();
    }

    private static Map<String, AuthProperties.Client> clients() {
        Map<String, AuthProperties.Client> clients = new HashMap<>();
        AuthProperties.ROLES.forEach(role -> clients.put(role, new AuthProperties.Client(role + "-local-secret")));
        return clients;
    }
}
