package org.footdrop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalAuthorizationServerTest {

    @Test
    void shouldPrintEachClientWithItsLocalDefaultSecretAndAReadyToPasteCurlLine() {
        String summary = LocalAuthorizationServer.clientsSummary(Map.of());

        for (String client : List.of("clinical-writer", "clinician", "analyst", "ops", "admin")) {
            assertThat(summary).containsPattern("(?m)^  " + client + " +" + client + "-local-secret$");
        }
        assertThat(summary)
                .contains(
                        "curl -s -u analyst:analyst-local-secret -d grant_type=client_credentials http://localhost:9000/oauth2/token");
    }

    @Test
    void shouldNeverPrintASecretSetInTheEnvironment() {
        Map<String, String> env = Map.of(
                "FOOTDROP_AUTH_CLIENTS_ANALYST_SECRET", "s3cret-analyst",
                "FOOTDROP_AUTH_CLIENTS_CLINICAL_WRITER_SECRET", "s3cret-writer");

        String summary = LocalAuthorizationServer.clientsSummary(env);

        assertThat(summary)
                .doesNotContain("s3cret")
                .contains("(secret from $FOOTDROP_AUTH_CLIENTS_CLINICAL_WRITER_SECRET)")
                .contains(
                        "curl -s -u \"analyst:$FOOTDROP_AUTH_CLIENTS_ANALYST_SECRET\" -d grant_type=client_credentials")
                .contains("ops-local-secret");
    }

    @Test
    void shouldPrintEachLocalUserWithPasswordAndRoleAndTheWebAppsClient() {
        String summary = LocalAuthorizationServer.usersSummary(Map.of());

        for (String role : List.of("clinician", "analyst", "ops", "admin")) {
            assertThat(summary)
                    .containsPattern("(?m)^  local-" + role + " +local-" + role + "-password +" + role + "$");
        }
        assertThat(summary)
                .contains("clinic-web (clinic-web-local-secret;")
                .contains("http://localhost:9000/oauth2/authorize");
    }

    @Test
    void shouldNeverPrintTheWebAppsSecretOrUsersSetInTheEnvironment() {
        Map<String, String> env = Map.of(
                "FOOTDROP_AUTH_WEB_CLIENT_SECRET", "s3cret-web",
                "FOOTDROP_AUTH_USERS_DRGREY_PASSWORD", "s3cret-grey",
                "FOOTDROP_AUTH_USERS_DRGREY_ROLE", "clinician");

        String summary = LocalAuthorizationServer.usersSummary(env);

        assertThat(summary)
                .doesNotContain("s3cret")
                .doesNotContain("local-clinician")
                .contains("(secret from $FOOTDROP_AUTH_WEB_CLIENT_SECRET)")
                .contains("users from the environment");
    }
}
