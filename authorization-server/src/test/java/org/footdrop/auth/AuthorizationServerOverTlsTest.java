package org.footdrop.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.footdrop.support.testing.ComposeTlsOverride;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * The authorization server started with docker-compose.tls.yml's environment for it (its
 * certificate paths moved to a throwaway certificate made here with keytool): tokens and the JWK set
 * over HTTPS, carrying the compose https issuer, and no handshake with a client that does not trust it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = AuthorizationServerOverTlsTest.ComposeTlsEnvironment.class)
class AuthorizationServerOverTlsTest {

    @LocalServerPort
    int port;

    @Test
    void shouldIssueTokensOverHttpsWithTheComposeIssuer() throws Exception {
        // given
        TokenClient client =
                new TokenClient("https://localhost:" + port, client(Certificates.trustingTheCertificate()));

        // when
        HttpResponse<String> response = client.requestWithBasic("ops", "ops-local-secret", null);

        // then the token verifies against the JWK set, also fetched over HTTPS
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String token = TokenClient.json(response).get("access_token").asString();
        assertThat(client.verify(token).getIssuer())
                .isEqualTo(ComposeTlsEnvironment.composeEnvironment().get("FOOTDROP_AUTH_ISSUER"))
                .startsWith("https://");
    }

    @Test
    void shouldFailTheHandshakeWithAClientThatDoesNotTrustTheCertificate() throws Exception {
        // given
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        HttpClient client = client(Certificates.context(empty));

        // when / then
        assertThatThrownBy(() -> client.send(
                        HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    private static HttpClient client(SSLContext context) {
        return HttpClient.newBuilder()
                .sslContext(context)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The override's variables for the authorization server, as a second system environment. */
    static class ComposeTlsEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Map<String, Object> variables = new LinkedHashMap<>();
            String local = Certificates.dir().toAbsolutePath() + "/";
            composeEnvironment()
                    .forEach((name, value) -> variables.put(name, value.replace("/etc/footdrop/tls/", local)));
            context.getEnvironment()
                    .getPropertySources()
                    .addBefore(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            new SystemEnvironmentPropertySource("compose-tls-systemEnvironment", variables));
        }

        static Map<String, String> composeEnvironment() {
            return ComposeTlsOverride.environment("authorization-server");
        }
    }

    /** A self-signed certificate for localhost, as tls.crt, tls.key and ca.crt, made once with keytool. */
    static final class Certificates {

        private static Path dir;
        private static Certificate certificate;

        static synchronized Path dir() {
            if (dir == null) {
                try {
                    dir = Files.createTempDirectory("footdrop-auth-tls-");
                    keytool(
                            dir,
                            "-genkeypair",
                            "-alias",
                            "server",
                            "-keyalg",
                            "RSA",
                            "-keysize",
                            "2048",
                            "-dname",
                            "CN=localhost",
                            "-ext",
                            "SAN=dns:localhost,ip:127.0.0.1",
                            "-validity",
                            "2",
                            "-keystore",
                            "server.p12",
                            "-storetype",
                            "PKCS12",
                            "-storepass",
                            "test-only");
                    keytool(
                            dir,
                            "-exportcert",
                            "-alias",
                            "server",
                            "-keystore",
                            "server.p12",
                            "-storepass",
                            "test-only",
                            "-rfc",
                            "-file",
                            "tls.crt");
                    KeyStore store = KeyStore.getInstance("PKCS12");
                    try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
                        store.load(in, "test-only".toCharArray());
                    }
                    PrivateKey key = (PrivateKey) store.getKey("server", "test-only".toCharArray());
                    Files.writeString(
                            dir.resolve("tls.key"),
                            "-----BEGIN PRIVATE KEY-----\n"
                                    + Base64.getMimeEncoder(64, new byte[] {'\n'})
                                            .encodeToString(key.getEncoded())
                                    + "\n-----END PRIVATE KEY-----\n");
                    Files.copy(dir.resolve("tls.crt"), dir.resolve("ca.crt"));
                    try (InputStream in = Files.newInputStream(dir.resolve("tls.crt"))) {
                        certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("could not make a test certificate", e);
                }
            }
            return dir;
        }

        static SSLContext trustingTheCertificate() throws Exception {
            dir();
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", certificate);
            return context(trust);
        }

        static SSLContext context(KeyStore trust) throws Exception {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        }

        private static void keytool(Path dir, String... arguments) throws Exception {
            List<String> command = new java.util.ArrayList<>();
            command.add(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
            }
        }
    }
}
