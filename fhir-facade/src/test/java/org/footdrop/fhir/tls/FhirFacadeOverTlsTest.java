package org.footdrop.fhir.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.footdrop.fhir.patient.FhirPatient;
import org.footdrop.support.security.Role;
import org.footdrop.support.testing.ComposeTlsOverride;
import org.footdrop.support.testing.TestCertificates;
import org.footdrop.support.testing.TestTokens;
import org.footdrop.support.testing.TlsInfrastructureInitializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The facade switched to TLS by docker-compose.tls.yml's variables alone: HTTPS for FHIR and health,
 * the JWK set fetched over HTTPS, the MongoDB driver speaking TLS (the store is reachable only through a
 * TLS-terminating proxy), and its calls to intake-, treatment- and outcomes-service made over HTTPS with
 * the caller's token. The JVM's own trust store does not know the test CA, so each of those calls
 * succeeds only through the bundles the override names.
 */
@Tag("infrastructure")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = ComposeTlsFacade.class)
class FhirFacadeOverTlsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient client = client(TestCertificates.shared().trustingOnlyTheCa());

    @Test
    void shouldAnswerReadinessOverHttpsWithTheStoreReachedOverTls() throws Exception {
        // when
        HttpResponse<String> readiness = client.send(get("/actuator/health/readiness", null), body());

        // then ready, which includes the store behind TLS
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void shouldFailTheHandshakeWithAClientThatTrustsNothing() {
        HttpClient trustingNothing = client(TestCertificates.trustingNothing());

        assertThatThrownBy(() -> trustingNothing.send(get("/actuator/health", null), body()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void shouldNotServePlainHttp() {
        HttpClient plain =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        int status;
        try {
            status = plain.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metadata"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            body())
                    .statusCode();
        } catch (Exception e) {
            status = -1;
        }

        assertThat(status).isNotEqualTo(200);
    }

    @Test
    void shouldStoreAPatientOverTlsCheckingTheTokenAgainstKeysFetchedOverHttps() throws Exception {
        // given a token signed with the test key and the compose issuer
        String patientId = "P-tls-" + UUID.randomUUID();

        // when
        HttpResponse<String> created = client.send(createPatient(patientId), body());
        HttpResponse<String> read =
                client.send(get("/fhir/Patient/" + FhirPatient.fhirId(patientId), token(Role.CLINICIAN)), body());

        // then the signature was checked with the key fetched over HTTPS, and the Patient kept in the store over TLS
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).at("/identifier/0/value").asString())
                .isEqualTo(patientId);
    }

    @Test
    void shouldReadEverythingFromTheThreeServicesOverHttpsWithTheCallersToken() throws Exception {
        // given a patient whose course the services (stood in over HTTPS) hold
        String patientId = "P-tls-" + UUID.randomUUID();
        assertThat(client.send(createPatient(patientId), body()).statusCode()).isEqualTo(201);
        ComposeTlsFacade.standIn().course(patientId, 2, 1);
        String token = token(Role.CLINICIAN);
        int before = ComposeTlsFacade.standIn().authorizations().size();

        // when
        HttpResponse<String> everything =
                client.send(get("/fhir/Patient/" + FhirPatient.fhirId(patientId) + "/$everything", token), body());

        // then each service was read over HTTPS, with the caller's own token
        assertThat(everything.statusCode()).as(everything.body()).isEqualTo(200);
        JsonNode bundle = JSON.readTree(everything.body());
        assertThat(bundle.findValuesAsString("resourceType"))
                .contains("Patient", "Condition", "Procedure", "Observation");
        assertThat(ComposeTlsFacade.standIn()
                        .authorizations()
                        .subList(
                                before,
                                ComposeTlsFacade.standIn().authorizations().size()))
                .as("diagnoses, assessments, injections, therapy sessions, therapies and outcomes")
                .hasSize(6)
                .containsOnly("Bearer " + token);
    }

    @Test
    void shouldPassTheComposeHealthCheckAndFailItWithoutTheCa() {
        assumeTrue(ComposeTlsOverride.canRunHealthchecks(), "the probe needs bash and openssl, as in the image");
        TestCertificates certificates = TestCertificates.shared();

        int ready = ComposeTlsOverride.runHealthcheck(
                "fhir-facade",
                8084,
                port,
                TlsInfrastructureInitializer.CONTAINER_TLS_DIR,
                certificates.dir(),
                certificates.caCertificate());
        int withoutTheCa = ComposeTlsOverride.runHealthcheck(
                "fhir-facade",
                8084,
                port,
                TlsInfrastructureInitializer.CONTAINER_TLS_DIR,
                certificates.dir(),
                Path.of("/dev/null"));

        assertThat(ready).isZero();
        assertThat(withoutTheCa).isNotZero();
    }

    private HttpRequest createPatient(String patientId) {
        String patient = JSON.createObjectNode()
                .put("resourceType", "Patient")
                .put("birthDate", "1961")
                .put("gender", "female")
                .set(
                        "identifier",
                        JSON.createArrayNode()
                                .add(JSON.createObjectNode()
                                        .put("system", org.footdrop.fhir.terminology.Vocabularies.PATIENT_ID_SYSTEM)
                                        .put("value", patientId)))
                .toString();
        return HttpRequest.newBuilder(url("/fhir/Patient"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(Role.CLINICAL_WRITER))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(patient))
                .build();
    }

    private static String token(Role role) {
        return TestTokens.builder(role)
                .issuer(ComposeTlsFacade.ISSUER)
                .audiences("fhir-facade")
                .sign();
    }

    private static HttpClient client(SSLContext context) {
        return HttpClient.newBuilder()
                .sslContext(context)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static HttpResponse.BodyHandler<String> body() {
        return HttpResponse.BodyHandlers.ofString();
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
