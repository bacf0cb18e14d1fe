package org.footdrop.webapp.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.footdrop.support.testing.ComposeTlsOverride;
import org.footdrop.support.testing.TestCertificates;
import org.footdrop.support.testing.TlsInfrastructureInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The web app started with docker-compose.tls.yml's variables for it (certificate paths moved to a throwaway
 * CA's files, addresses to one HTTPS stand-in for the authorization server and the services, whose certificate
 * that CA signed): it serves HTTPS, its session cookie is Secure, and a whole sign-in runs over TLS, the code
 * exchanged for tokens, the ID and access tokens checked against keys fetched over HTTPS, userinfo read, and a page read from
 * outcomes-service over HTTPS with the person's token. The JVM's own trust store does not know the CA, so each
 * of those calls succeeds only through the bundle the override names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = ComposeTlsWebApp.class)
class WebAppOverTlsTest {

    @LocalServerPort
    int port;

    private final HttpClient browser = client(TestCertificates.shared().trustingOnlyTheCa());

    @Test
    void shouldSignInAndShowAPageReadOverHttpsWithThePersonsToken() throws Exception {
        // given someone opening a clinician's page
        HttpResponse<String> page = get("/data-quality");
        assertThat(page.statusCode()).isEqualTo(302);
        HttpResponse<String> authorize = get(location(page));
        String authorizationRequest = location(authorize);
        assertThat(authorizationRequest).startsWith(ComposeTlsWebApp.ISSUER + "/oauth2/authorize?");
        Map<String, String> query = query(URI.create(authorizationRequest));
        assertThat(query)
                .containsEntry("client_id", "clinic-web")
                .containsEntry("redirect_uri", "https://localhost:" + port + "/login/oauth2/code/clinic");
        StandIn standIn = ComposeTlsWebApp.standIn();
        standIn.expectSignIn("local-clinician", "clinician", query.get("nonce"));

        // when the authorization server sends them back with a code
        HttpResponse<String> callback =
                get("/login/oauth2/code/clinic?code=" + StandIn.CODE + "&state=" + query.get("state"));

        // then the code was exchanged and both tokens checked over TLS, and the page they asked for
        assertThat(callback.statusCode()).as(callback.headers().toString()).isEqualTo(302);
        assertThat(location(callback)).endsWith("/data-quality?continue");
        HttpResponse<String> shown = get(location(callback));
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        assertThat(shown.body()).contains(StandIn.PATIENT_ID).contains("local-clinician");
        // read from outcomes-service over TLS with the person's access token
        assertThat(standIn.apiAuthorizations()).containsExactly("Bearer " + standIn.accessToken());
        assertThat(standIn.tokenRequests()).isEqualTo(1);
    }

    @Test
    void shouldSetTheSessionCookieSecure() throws Exception {
        // when a session starts
        HttpResponse<String> page = get("/data-quality");

        // then its cookie only ever travels over TLS, and never to a script
        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertThat(cookies)
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("FOOTDROP_WEB_SESSION=")
                        .contains("Secure")
                        .contains("HttpOnly"));
    }

    @Test
    void shouldFailTheHandshakeWithAClientThatTrustsNothing() {
        // given
        HttpClient stranger = client(TestCertificates.trustingNothing());

        // when / then
        assertThatThrownBy(() -> stranger.send(
                        HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void shouldAnswerReadinessOverHttps() throws Exception {
        // when
        HttpResponse<String> readiness = get("/actuator/health/readiness");

        // then
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
    }

    @Test
    void shouldPassTheComposeHealthCheckAndFailItWithoutTheCa() {
        // given the override's probe (openssl s_client under bash), pointed at this server and these files
        assumeTrue(ComposeTlsOverride.canRunHealthchecks(), "the probe needs bash and openssl, as in the image");
        TestCertificates certificates = TestCertificates.shared();

        // when
        int ready = ComposeTlsOverride.runHealthcheck(
                "web-app",
                8080,
                port,
                TlsInfrastructureInitializer.CONTAINER_TLS_DIR,
                certificates.dir(),
                certificates.caCertificate());
        int withoutTheCa = ComposeTlsOverride.runHealthcheck(
                "web-app",
                8080,
                port,
                TlsInfrastructureInitializer.CONTAINER_TLS_DIR,
                certificates.dir(),
                Path.of("/dev/null"));

        // then
        assertThat(ready).isZero();
        assertThat(withoutTheCa).isNotZero();
    }

    private HttpResponse<String> get(String pathOrUrl) throws Exception {
        URI uri = pathOrUrl.startsWith("https://")
                ? URI.create(pathOrUrl)
                : URI.create("https://localhost:" + port + pathOrUrl);
        return browser.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.startsWith("/") ? "https://localhost:" + port + location : location;
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8), (a, b) -> b));
    }

    private static HttpClient client(SSLContext context) {
        return HttpClient.newBuilder()
                .sslContext(context)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }
}
