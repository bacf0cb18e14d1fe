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
}
