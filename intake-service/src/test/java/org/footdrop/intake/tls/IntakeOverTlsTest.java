package org.footdrop.intake.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.footdrop.contract.EventJson;
import org.footdrop.contract.Topics;
import org.footdrop.support.security.Role;
import org.footdrop.support.testing.ComposeTlsOverride;
import org.footdrop.support.testing.TestCertificates;
import org.footdrop.support.testing.TestTokens;
import org.footdrop.support.testing.TlsInfrastructure;
import org.footdrop.support.testing.TlsInfrastructureInitializer;
import org.footdrop.support.testing.TlsKafkaBroker;
import org.footdrop.support.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * intake-service switched to TLS by docker-compose.tls.yml's variables alone: HTTPS for its API and
 * health, the JWK set fetched over HTTPS, the outbox publishing to an SSL listener and the MongoDB
 * driver speaking TLS (the store is reachable only through a TLS-terminating proxy).
 */
@TlsInfrastructure
class IntakeOverTlsTest {

    private static final String ISSUER =
            ComposeTlsOverride.environment("intake-service").get("FOOTDROP_AUTH_ISSUER");

    @LocalServerPort
    int port;

    @Test
    void shouldAnswerReadinessOverHttpsToAClientThatTrustsTheCa() throws Exception {
        // given a client that trusts only the test CA
        HttpClient client = client(TestCertificates.shared().trustingOnlyTheCa());

        // when
        HttpResponse<String> readiness =
                client.send(get("/actuator/health/readiness", null), HttpResponse.BodyHandlers.ofString());

        // then ready, which includes the store behind TLS
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(EventJson.mapper().readTree(readiness.body()).get("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void shouldFailTheHandshakeWithAClientThatTrustsNothing() {
        // given
        HttpClient client = client(TestCertificates.trustingNothing());

        // when / then
        assertThatThrownBy(() -> client.send(get("/actuator/health", null), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void shouldNotServePlainHttp() {
        // given
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest plain = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();

        // when
        int status;
        try {
            status = client.send(plain, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            status = -1;
        }

        // then
        assertThat(status).isNotEqualTo(200);
    }

    @Test
    void shouldCheckTokensAgainstTheJwkSetFetchedOverHttps() throws Exception {
        // given a token signed with the test key and the compose issuer
        String token = TestTokens.builder(Role.CLINICIAN).issuer(ISSUER).sign();
        HttpClient client = client(TestCertificates.shared().trustingOnlyTheCa());

        // when
        HttpResponse<String> response = client.send(
                get("/api/v1/patients/pt-tls-" + UUID.randomUUID() + "/diagnoses", token),
                HttpResponse.BodyHandlers.ofString());

        // then the signature was checked against the key fetched over HTTPS
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void shouldPublishARecordedDiagnosisToTheSslListener() throws Exception {
        // given
        String patientId = "pt-tls-" + UUID.randomUUID();
        String body = EventJson.mapper()
                .createObjectNode()
                .put("patientId", patientId)
                .put("side", "RIGHT")
                .put("diagnosisDate", "2026-02-10")
                .put("causeCategory", "SCIATIC_NERVE")
                .toString();
        String token = TestTokens.builder(Role.CLINICAL_WRITER).issuer(ISSUER).sign();
        HttpClient client = client(TestCertificates.shared().trustingOnlyTheCa());
        TlsKafkaBroker broker = TlsKafkaBroker.shared();

        try (TopicProbe topic = new TopicProbe(broker.bootstrap(), Topics.INTAKE_EVENTS, broker.clientProperties())) {
            // when
            HttpResponse<String> created = client.send(
                    HttpRequest.newBuilder(url("/api/v1/diagnoses"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            // then stored (over TLS) and published (over TLS)
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.poll().stream()
                            .anyMatch(r -> patientId.equals(new String(r.key(), StandardCharsets.UTF_8))));
        }
    }

    @Test
    void shouldPassTheComposeHealthCheckAndFailItWithoutTheCa() {
        // given the override's probe (openssl s_client under bash), pointed at this server and these files
        assumeTrue(ComposeTlsOverride.canRunHealthchecks(), "the probe needs bash and openssl, as in the image");
        TestCertificates certificates = TestCertificates.shared();

        // when
        int ready = ComposeTlsOverride.runHealthcheck(
                "intake-service",
                8081,
                port,
                TlsInfrastructureInitializer.CONTAINER_TLS_DIR,
                certificates.dir(),
                certificates.caCertificate());
        int withoutTheCa = ComposeTlsOverride.runHealthcheck(
                "intake-service",
                8081,
                port,
                TlsInfrastructureInitializer.CONTAINER_TLS_DIR,
                certificates.dir(),
                Path.of("/dev/null"));

        // then
        assertThat(ready).isZero();
        assertThat(withoutTheCa).isNotZero();
    }

    private HttpClient client(SSLContext context) {
        return HttpClient.newBuilder()
                .sslContext(context)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private HttpRequest get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private URI url(String path) {
        return URI.create("https://localhost:" + port + path);
    }
}
