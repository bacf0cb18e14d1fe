package org.footdrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A clinic's single sign-on whose provider cannot be reached (nothing listens at its issuer): the
 * server still starts and its form still signs local users in, and the "Sign in with" link brings the
 * person back to the page with a sentence saying it did not work, not an error page.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "footdrop.auth.federation.name=Example Clinic SSO",
            "footdrop.auth.federation.issuer-uri=http://127.0.0.1:9",
            "footdrop.auth.federation.client-id=clinic-web",
            "footdrop.auth.federation.client-secret=upstream-client-secret",
            "footdrop.auth.federation.role-claim=role"
        })
class UnreachableProviderHttpTest {

    @LocalServerPort
    int port;

    @Test
    void shouldSendThePersonBackToThePageSayingTheClinicsSignInDidNotWork() {
        // given
        BrowserSignIn browser = new BrowserSignIn(port);
        browser.follow(browser.get(browser.authorizationRequest()));

        // when
        HttpResponse<String> page = browser.follow(browser.get("/oauth2/authorization/clinic-sso"));

        // then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/login");
        assertThat(page.uri().getQuery()).isEqualTo("sso-failed");
        assertThat(page.body())
                .contains("Signing in with Example Clinic SSO did not work.")
                .contains("name=\"username\"");
    }

    @Test
    void shouldStillSignLocalUsersInWithTheForm() {
        // when
        BrowserSignIn.Landing landing = new BrowserSignIn(port).signIn("local-analyst", "local-analyst-password");

        // then
        assertThat(landing.location().toString()).startsWith(BrowserSignIn.REDIRECT_URI + "?");
        assertThat(landing.code()).isNotBlank();
    }
}
