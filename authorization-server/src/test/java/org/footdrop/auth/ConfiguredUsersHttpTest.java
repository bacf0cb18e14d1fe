package org.footdrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import org.footdrop.auth.user.UserAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Users from the deployment's configuration, one with a password in clear (hashed at start) and one
 * with a hash made elsewhere: they sign in, the local default users no longer exist, and neither the
 * stored accounts nor the log hold a password.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "footdrop.auth.users.dr-grey.password=Grey-clear-7f3a",
            "footdrop.auth.users.dr-grey.role=clinician",
            // bcrypt of "Shah-hashed-9c1e", made with BCryptPasswordEncoder outside this server; a
            // name with a dot is written in brackets, or it would read as a nested property
            "footdrop.auth.users[n.shah].password-hash="
                    + "{bcrypt}$2a$10$Ag4hGPb9bKu/sUBVWiLHhuC4nnT4CfB9GBiNbberiseJq0NJC7Q96",
            "footdrop.auth.users[n.shah].role=analyst"
        })
class ConfiguredUsersHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Test
    void shouldSignInTheConfiguredUsersOnlyWithTheirRoles(CapturedOutput output) throws Exception {
        // given
        TokenClient tokens = new TokenClient(port);

        // when
        BrowserSignIn grey = new BrowserSignIn(port);
        String greyToken = TokenClient.json(
                        grey.exchange(grey.signIn("dr-grey", "Grey-clear-7f3a").code()))
                .get("access_token")
                .asString();
        BrowserSignIn shah = new BrowserSignIn(port);
        String shahToken = TokenClient.json(
                        shah.exchange(shah.signIn("n.shah", "Shah-hashed-9c1e").code()))
                .get("access_token")
                .asString();
        BrowserSignIn.Landing localDefault =
                new BrowserSignIn(port).signIn("local-clinician", "local-clinician-password");

        // then
        JWTClaimsSet greyClaims = tokens.verify(greyToken);
        assertThat(greyClaims.getSubject()).isEqualTo("dr-grey");
        assertThat(greyClaims.getStringClaim("scope")).isEqualTo("clinician");
        JWTClaimsSet shahClaims = tokens.verify(shahToken);
        assertThat(shahClaims.getSubject()).isEqualTo("n.shah");
        assertThat(shahClaims.getStringClaim("scope")).isEqualTo("analyst");
        assertThat(localDefault.query()).containsKey("error");
        assertThat(accounts.names()).containsExactly("dr-grey", "n.shah");
        assertThat(accounts.passwordHash("dr-grey").orElseThrow())
                .startsWith("{bcrypt}$2")
                .doesNotContain("Grey-clear-7f3a");
        assertThat(output.getAll())
                .contains("dr-grey (clinician), n.shah (analyst)")
                .doesNotContain("Local default users")
                .doesNotContain("Grey-clear-7f3a");
    }
}
