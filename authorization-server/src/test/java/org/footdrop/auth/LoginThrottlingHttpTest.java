package org.footdrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Repeated failed sign-ins lock a user name: behaviour, not timing. The lock is long (an hour) so
 * it cannot run out during the test; its growth is LoginThrottleTest's.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "FOOTDROP_AUTH_LOGIN_MAX_FAILURES=3",
            "FOOTDROP_AUTH_LOGIN_LOCK=1h",
            "FOOTDROP_AUTH_LOGIN_MAX_LOCK=2h"
        })
class LoginThrottlingHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldRefuseEvenTheRightPasswordOnceANameHasFailedTooOftenAndLeaveOtherNamesAlone() {
        // given three failures in a row for one name
        for (int i = 0; i < 3; i++) {
            BrowserSignIn.Landing failed = new BrowserSignIn(port).signIn("local-clinician", "guess-" + i);
            assertThat(failed.query()).as("failure %d", i + 1).containsKey("error");
        }

        // when
        BrowserSignIn browser = new BrowserSignIn(port);
        BrowserSignIn.Landing rightPassword = browser.signIn("local-clinician", "local-clinician-password");
        BrowserSignIn.Landing otherCase = new BrowserSignIn(port).signIn("Local-Clinician", "local-clinician-password");
        BrowserSignIn.Landing otherName = new BrowserSignIn(port).signIn("local-analyst", "local-analyst-password");

        // then
        assertThat(rightPassword.location().getPath()).isEqualTo("/login");
        assertThat(rightPassword.query()).containsKey("locked").doesNotContainKey("code");
        assertThat(otherCase.query()).containsKey("locked");
        HttpResponse<String> page = browser.get("/login?locked");
        assertThat(page.body()).contains("Too many failed sign-ins for this user name.");
        assertThat(browser.get("/login?busy").body())
                .contains("still being checked")
                .doesNotContain("Too many");
        assertThat(otherName.code()).isNotBlank();
        assertThat(meters.get("footdrop.auth.login.failures")
                        .tag("reason", "bad_credentials")
                        .counter()
                        .count())
                .isEqualTo(3);
        assertThat(meters.get("footdrop.auth.login.failures")
                        .tag("reason", "locked")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(meters.get("footdrop.auth.login.lockouts").counter().count()).isEqualTo(1);
    }
}
