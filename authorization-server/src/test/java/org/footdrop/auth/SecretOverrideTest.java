package org.footdrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A secret set from outside replaces the local default, and the start-up log never shows it. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "FOOTDROP_AUTH_CLIENTS_OPS_SECRET=rotated-ops-secret-7f3a")
class SecretOverrideTest {

    @LocalServerPort
    int port;

    @Test
    void shouldUseTheSecretFromTheEnvironmentAndNeverLogIt(CapturedOutput output) {
        // given
        TokenClient client = new TokenClient(port);

        // when
        int withDefault =
                client.requestWithBasic("ops", "ops-local-secret", null).statusCode();
        int withRotated =
                client.requestWithBasic("ops", "rotated-ops-secret-7f3a", null).statusCode();

        // then
        assertThat(withDefault).isEqualTo(401);
        assertThat(withRotated).isEqualTo(200);
        assertThat(output.getAll())
                .contains("clinical-writer, clinician, analyst, ops, admin")
                .contains("still in use by: clinical-writer, clinician, analyst, admin;")
                .doesNotContain("rotated-ops-secret-7f3a");
    }
}
