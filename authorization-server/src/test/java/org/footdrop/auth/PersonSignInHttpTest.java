package org.footdrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.footdrop.auth.user.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import tools.jackson.databind.JsonNode;

/**
 * People signing in through the web app's client over real HTTP: the authorization-code flow with
 * PKCE through the sign-in form, the tokens the services then get (the person's name as subject,
 * their role as scope), OpenID Connect (ID token, userinfo, logout) and refresh. The issuer is a
 * browser-facing address the test never calls: every token and the discovery document carry it
 * whichever host name the browser and the web app used.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "FOOTDROP_AUTH_ISSUER=https://sign-in.clinic.example")
class PersonSignInHttpTest {

    private static final String ISSUER = "https://sign-in.clinic.example";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    SessionRegistry sessions;

    BrowserSignIn browser;
    TokenClient tokens;

    @BeforeEach
    void browser() {
        browser = new BrowserSignIn(port);
        tokens = new TokenClient(port);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"local-clinician, clinician", "local-analyst, analyst", "local-ops, ops", "local-admin, admin"})
    void shouldSignAPersonInWithACodeAndPkceAndIssueTheServicesATokenNamingThemWithTheirRole(String user, String role)
            throws Exception {
        // given
        BrowserSignIn.Landing landing = browser.signIn(user, user + "-password");

        // when
        HttpResponse<String> response = browser.exchange(landing.code());

        // then
        assertThat(landing.location().toString()).startsWith(BrowserSignIn.REDIRECT_URI + "?");
        assertThat(landing.query()).containsEntry("state", browser.state()).containsKey("code");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = TokenClient.json(response);
        JWTClaimsSet access = tokens.verify(body.get("access_token").asString());
        assertThat(access.getSubject()).isEqualTo(user);
        assertThat(access.getStringClaim("scope")).isEqualTo(role);
        assertThat(access.getStringClaim("client_id")).isEqualTo(BrowserSignIn.CLIENT_ID);
        assertThat(access.getIssuer()).isEqualTo(ISSUER);
        assertThat(access.getAudience())
                .containsExactly("intake-service", "treatment-service", "outcomes-service", "fhir-facade");
        assertThat(Duration.between(
                        access.getIssueTime().toInstant(),
                        access.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
        JWTClaimsSet id = tokens.verify(body.get("id_token").asString());
        assertThat(id.getSubject()).isEqualTo(user);
        assertThat(id.getIssuer()).isEqualTo(ISSUER);
        assertThat(id.getAudience()).containsExactly(BrowserSignIn.CLIENT_ID);
        assertThat(id.getStringClaim("nonce")).isEqualTo(browser.nonce());
        assertThat(id.getStringClaim("role")).isEqualTo(role);
        assertThat(body.get("refresh_token").asString()).isNotBlank();
    }

    @Test
    void shouldAnswerUserinfoAndRefreshWithTheSamePersonAndRoleAndANewRefreshToken() throws Exception {
        // given
        JsonNode issued = TokenClient.json(browser.exchange(
                browser.signIn("local-analyst", "local-analyst-password").code()));

        // when
        HttpResponse<String> userInfo =
                browser.withBearer("/userinfo", issued.get("access_token").asString());
        Map<String, String> refresh = new LinkedHashMap<>();
        refresh.put("grant_type", "refresh_token");
        refresh.put("refresh_token", issued.get("refresh_token").asString());
        HttpResponse<String> refreshed = browser.tokenRequest(refresh, BrowserSignIn.CLIENT_SECRET);

        // then
        assertThat(userInfo.statusCode()).as(userInfo.body()).isEqualTo(200);
        assertThat(TokenClient.json(userInfo).get("sub").asString()).isEqualTo("local-analyst");
        assertThat(TokenClient.json(userInfo).get("role").asString()).isEqualTo("analyst");
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(TokenClient.json(refreshed).get("refresh_token").asString())
                .as("a refresh token is replaced at each use")
                .isNotEqualTo(issued.get("refresh_token").asString());
        JWTClaimsSet access =
                tokens.verify(TokenClient.json(refreshed).get("access_token").asString());
        assertThat(access.getSubject()).isEqualTo("local-analyst");
        assertThat(access.getStringClaim("scope")).isEqualTo("analyst");
    }

    @Test
    void shouldRefuseAWrongPasswordAndShowTheFormAgainWithoutACode() {
        // when
        BrowserSignIn.Landing landing = browser.signIn("local-clinician", "local-analyst-password");
        BrowserSignIn.Landing unknown = new BrowserSignIn(port).signIn("nobody", "nobody-password");

        // then
        for (BrowserSignIn.Landing refused : new BrowserSignIn.Landing[] {landing, unknown}) {
            assertThat(refused.location().getPath()).isEqualTo("/login");
            assertThat(refused.query()).containsKey("error").doesNotContainKey("code");
        }
        HttpResponse<String> page = browser.get("/login?error");
        assertThat(page.body()).contains("Wrong user name or password.");
    }

    @Test
    void shouldSendSomeoneWhoOpenedTheFormByHandOnToTheWebApp() {
        // given
        HttpResponse<String> form = browser.get("/login");

        // when
        BrowserSignIn.Landing landing = browser.submit(form, "local-clinician", "local-clinician-password");

        // then
        assertThat(landing.location().toString()).isEqualTo("http://localhost:8080/");
    }

    @Test
    void shouldRefuseTheCodeToAnExchangeWithoutTheRightVerifierOrSecret() {
        // given
        String code = browser.signIn("local-ops", "local-ops-password").code();
        Map<String, String> wrongVerifier = new LinkedHashMap<>();
        wrongVerifier.put("grant_type", "authorization_code");
        wrongVerifier.put("code", code);
        wrongVerifier.put("redirect_uri", BrowserSignIn.REDIRECT_URI);
        wrongVerifier.put("code_verifier", "a-verifier-that-is-long-enough-but-not-the-one-sent-0123456789");

        // when
        HttpResponse<String> withWrongSecret = browser.tokenRequest(wrongVerifier, "clinic-web-wrong-secret");
        HttpResponse<String> withWrongVerifier = browser.tokenRequest(wrongVerifier, BrowserSignIn.CLIENT_SECRET);

        // then
        assertThat(withWrongSecret.statusCode()).isEqualTo(401);
        assertThat(withWrongVerifier.statusCode()).isEqualTo(400);
        assertThat(TokenClient.json(withWrongVerifier).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void shouldRefuseAnAuthorizationRequestWithoutPkce() {
        // given
        String withoutPkce = browser.authorizationRequest().replaceAll("&code_challenge[^&]*", "");

        // when
        HttpResponse<String> response = browser.get(withoutPkce);

        // then the browser goes back to the web app with the error, before any sign-in
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .startsWith(BrowserSignIn.REDIRECT_URI + "?error=invalid_request");
    }

    @Test
    void shouldSignOutThroughTheEndSessionEndpointBackToTheWebApp() {
        // given
        JsonNode issued = TokenClient.json(browser.exchange(
                browser.signIn("local-admin", "local-admin-password").code()));
        String idToken = issued.get("id_token").asString();

        // when
        HttpResponse<String> logout = browser.get("/connect/logout?"
                + BrowserSignIn.form(Map.of(
                        "id_token_hint", idToken,
                        "post_logout_redirect_uri", "http://localhost:8080/",
                        "state", "after-logout")));
        HttpResponse<String> again = browser.follow(browser.get(browser.authorizationRequest()));

        // then the session is over: the next authorization request asks for the form again
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow())
                .isEqualTo("http://localhost:8080/?state=after-logout");
        assertThat(again.uri().getPath()).isEqualTo("/login");
    }

    @Test
    void shouldForgetASignedInSessionOnceItEnds() {
        // given a person signed in, whose session the registry holds for OpenID Connect logout
        Set<String> before = sessionIds();
        JsonNode issued = TokenClient.json(browser.exchange(
                browser.signIn("local-analyst", "local-analyst-password").code()));
        Set<String> theirs = new HashSet<>(sessionIds());
        theirs.removeAll(before);
        assertThat(theirs).hasSize(1);

        // when they sign out, which ends their session
        HttpResponse<String> logout = browser.get("/connect/logout?"
                + BrowserSignIn.form(Map.of(
                        "id_token_hint",
                        issued.get("id_token").asString(),
                        "post_logout_redirect_uri",
                        "http://localhost:8080/")));

        // then the registry has let it go (it used to keep every session until the heap ran out)
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(sessionIds()).doesNotContainAnyElementsOf(theirs);
    }

    /** Every session the registry holds, ended ones included. */
    private Set<String> sessionIds() {
        return sessions.getAllPrincipals().stream()
                .flatMap(principal -> sessions.getAllSessions(principal, true).stream())
                .map(SessionInformation::getSessionId)
                .collect(Collectors.toSet());
    }

    @Test
    void shouldPublishOpenIdDiscoveryAtTheBrowserFacingIssuer() {
        // when
        JsonNode metadata = TokenClient.json(tokens.get("/.well-known/openid-configuration"));

        // then
        assertThat(metadata.get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(metadata.get("authorization_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/authorize");
        assertThat(metadata.get("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(metadata.get("userinfo_endpoint").asString()).isEqualTo(ISSUER + "/userinfo");
        assertThat(metadata.get("end_session_endpoint").asString()).isEqualTo(ISSUER + "/connect/logout");
        assertThat(metadata.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(metadata.get("code_challenge_methods_supported").values())
                .extracting(JsonNode::asString)
                .containsExactly("S256");
        assertThat(metadata.get("grant_types_supported").values())
                .extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("client_credentials", "authorization_code", "refresh_token");
    }

    @Test
    void shouldServeTheFormWithoutScriptUnderAStrictContentSecurityPolicy() {
        // when
        HttpResponse<String> page = browser.get("/login");

        // then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'")
                .contains("frame-ancestors 'none'");
        assertThat(page.body())
                .contains("<form method=\"post\" action=\"/login\">")
                .contains("name=\"_csrf\"")
                .doesNotContain("<script")
                .doesNotContain("style=")
                .as("no single sign-on is offered unless one is configured")
                .doesNotContain("single-sign-on");
    }

    @Test
    void shouldKeepPeoplesPasswordsOnlyAsBcryptHashes() {
        // when / then
        assertThat(accounts.names()).containsExactly("local-admin", "local-analyst", "local-clinician", "local-ops");
        for (String user : accounts.names()) {
            assertThat(accounts.passwordHash(user).orElseThrow())
                    .startsWith("{bcrypt}$2")
                    .doesNotContain("password");
        }
    }
}
