package org.footdrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A clinic's own single sign-on federated through our authorization server, over real HTTP with a
 * real second issuer: another instance of this server, on its own port and host name, with its own
 * people, plays the clinic's OpenID Connect provider. A person goes from the web app's authorization
 * request to our sign-in page, on to the clinic's through the "Sign in with" link, signs in there,
 * and comes back to the web app with a code for tokens that we issued and that name them with the
 * role the clinic's provider gives them.
 */
class FederatedSignInHttpTest {

    static final String UPSTREAM_SECRET = "upstream-client-secret";
    static final String SSO_NAME = "Example Clinic SSO";

    static ConfigurableApplicationContext upstream;
    static ConfigurableApplicationContext ours;
    static int upstreamPort;
    static int port;

    @BeforeAll
    static void startTheClinicsProviderAndOurServer() throws IOException {
        upstreamPort = freePort();
        port = freePort();
        // 127.0.0.1, not localhost: the two servers' session cookies must not meet (cookies ignore ports)
        String upstreamIssuer = "http://127.0.0.1:" + upstreamPort;
        upstream = new SpringApplicationBuilder(AuthorizationServerApplication.class)
                .run(
                        "--server.port=" + upstreamPort,
                        "--FOOTDROP_AUTH_ISSUER=" + upstreamIssuer,
                        "--footdrop.auth.users[n.shah].role=clinician",
                        "--footdrop.auth.users[n.shah].password=n.shah-upstream-password",
                        "--footdrop.auth.users[r.lee].role=analyst",
                        "--footdrop.auth.users[r.lee].password=r.lee-upstream-password",
                        "--footdrop.auth.users[o.ward].role=ops",
                        "--footdrop.auth.users[o.ward].password=o.ward-upstream-password",
                        // our server is its client: the clinic registered us with this secret and return address
                        "--footdrop.auth.web-client.secret=" + UPSTREAM_SECRET,
                        "--footdrop.auth.web-client.redirect-uri=http://localhost:" + port
                                + "/login/oauth2/code/clinic-sso");
        ours = new SpringApplicationBuilder(AuthorizationServerApplication.class)
                .run(
                        "--server.port=" + port,
                        "--FOOTDROP_AUTH_ISSUER=http://localhost:" + port,
                        "--footdrop.auth.federation.name=" + SSO_NAME,
                        "--footdrop.auth.federation.issuer-uri=" + upstreamIssuer,
                        "--footdrop.auth.federation.client-id=clinic-web",
                        "--footdrop.auth.federation.client-secret=" + UPSTREAM_SECRET,
                        "--footdrop.auth.federation.role-claim=role",
                        // the clinic's ops people have no role here
                        "--footdrop.auth.federation.role-mapping.clinician=clinician",
                        "--footdrop.auth.federation.role-mapping.analyst=analyst");
    }

    @AfterAll
    static void stop() {
        if (ours != null) {
            ours.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"n.shah, clinician", "r.lee, analyst"})
    void shouldSignAPersonInThroughTheClinicsProviderAndIssueOurTokensNamingThemWithTheirRole(String user, String role)
            throws Exception {
        // given the web app's authorization request, and our sign-in page it leads to
        BrowserSignIn browser = browser();
        HttpResponse<String> ourPage = browser.follow(browser.get(browser.authorizationRequest()));
        assertThat(ourPage.uri().toString()).isEqualTo("http://localhost:" + port + "/login");
        assertThat(ourPage.body())
                .contains("<a id=\"single-sign-on\" href=\"/oauth2/authorization/clinic-sso\">Sign in with " + SSO_NAME
                        + "</a>");

        // when they follow the link, sign in at the clinic's provider and come back
        HttpResponse<String> clinicsPage = browser.follow(browser.get("/oauth2/authorization/clinic-sso"));
        BrowserSignIn.Landing landing = browser.submit(clinicsPage, user, user + "-upstream-password");
        HttpResponse<String> exchanged = browser.exchange(landing.code());

        // then the sign-in happened at the clinic's provider, and the web app got our code
        assertThat(clinicsPage.uri().toString()).isEqualTo("http://127.0.0.1:" + upstreamPort + "/login");
        assertThat(landing.location().toString()).startsWith(BrowserSignIn.REDIRECT_URI + "?");
        assertThat(landing.query()).containsEntry("state", browser.state());
        // and the tokens are ours, naming the person with the role the clinic gives them
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        JsonNode body = TokenClient.json(exchanged);
        TokenClient tokens = new TokenClient(port);
        JWTClaimsSet access = tokens.verify(body.get("access_token").asString());
        assertThat(access.getIssuer()).isEqualTo("http://localhost:" + port);
        assertThat(access.getSubject()).isEqualTo(user);
        assertThat(access.getStringClaim("scope")).isEqualTo(role);
        assertThat(access.getStringClaim("client_id")).isEqualTo(BrowserSignIn.CLIENT_ID);
        assertThat(access.getAudience())
                .containsExactly("intake-service", "treatment-service", "outcomes-service", "fhir-facade");
        JWTClaimsSet id = tokens.verify(body.get("id_token").asString());
        assertThat(id.getSubject()).isEqualTo(user);
        assertThat(id.getStringClaim("role")).isEqualTo(role);
        assertThat(id.getStringClaim("nonce")).isEqualTo(browser.nonce());
        // and a refresh keeps the person and the role
        HttpResponse<String> refreshed = browser.tokenRequest(
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        body.get("refresh_token").asString()),
                BrowserSignIn.CLIENT_SECRET);
        JWTClaimsSet again =
                tokens.verify(TokenClient.json(refreshed).get("access_token").asString());
        assertThat(again.getSubject()).isEqualTo(user);
        assertThat(again.getStringClaim("scope")).isEqualTo(role);
    }

    @Test
    void shouldRefuseSomeoneTheClinicSignsInButGivesNoRoleHereWithAPageThatSaysSo() {
        // given
        BrowserSignIn browser = browser();
        browser.follow(browser.get(browser.authorizationRequest()));
        HttpResponse<String> clinicsPage = browser.follow(browser.get("/oauth2/authorization/clinic-sso"));

        // when a person whose clinic role maps to none of ours signs in there
        BrowserSignIn.Landing landing = browser.submit(clinicsPage, "o.ward", "o.ward-upstream-password");

        // then they are back on our sign-in page, told why, without a code
        assertThat(landing.location().getPath()).isEqualTo("/login");
        assertThat(landing.query()).containsKey("sso-refused").doesNotContainKey("code");
        HttpResponse<String> page = browser.get("/login?sso-refused");
        assertThat(page.body())
                .contains("You signed in with " + SSO_NAME + ", but your account there gives you no role")
                .contains("<a id=\"single-sign-on\"");
        // and nobody is signed in here: the web app's request asks for sign-in again
        HttpResponse<String> retry = browser.follow(browser.get(browser.authorizationRequest()));
        assertThat(retry.uri().getPath()).isEqualTo("/login");
    }

    @Test
    void shouldKeepTheFormForLocalUsersBesideTheClinicsSignIn() {
        // given
        BrowserSignIn browser = browser();

        // when
        BrowserSignIn.Landing landing = browser.signIn("local-clinician", "local-clinician-password");

        // then
        assertThat(landing.location().toString()).startsWith(BrowserSignIn.REDIRECT_URI + "?");
        assertThat(landing.code()).isNotBlank();
    }

    @Test
    void shouldNotLetAPersonOfTheClinicSignInWithTheirClinicPasswordOnOurForm() {
        // given
        BrowserSignIn browser = browser();

        // when
        BrowserSignIn.Landing landing = browser.signIn("n.shah", "n.shah-upstream-password");

        // then their password is the clinic's to check, not ours
        assertThat(landing.location().getPath()).isEqualTo("/login");
        assertThat(landing.query()).containsKey("error").doesNotContainKey("code");
    }

    private static BrowserSignIn browser() {
        return new BrowserSignIn(port, List.of("http://127.0.0.1:" + upstreamPort));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
