package org.footdrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** With a key directory, a restarted server signs with the same key, so tokens issued before stay valid. */
class KeyPersistenceTest {

    @TempDir
    Path keyDir;

    @Test
    void shouldKeepTheSigningKeyAcrossARestartWhenGivenAKeyDirectory() throws Exception {
        // given
        String tokenFromFirstRun;
        String keysFromFirstRun;
        try (ConfigurableApplicationContext first = start()) {
            TokenClient client = new TokenClient(port(first));
            tokenFromFirstRun = TokenClient.json(client.requestWithBasic("analyst", "analyst-local-secret", null))
                    .get("access_token")
                    .asString();
            keysFromFirstRun = client.get("/oauth2/jwks").body();
        }

        // when
        try (ConfigurableApplicationContext second = start()) {
            TokenClient client = new TokenClient(port(second));
            JWTClaimsSet claims = client.verify(tokenFromFirstRun);

            // then
            assertThat(client.get("/oauth2/jwks").body()).isEqualTo(keysFromFirstRun);
            assertThat(claims.getSubject()).isEqualTo("analyst");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AuthorizationServerApplication.class)
                .run("--server.port=0", "--FOOTDROP_AUTH_KEY_DIR=" + keyDir, "--spring.main.banner-mode=off");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
