package org.footdrop.outcomes.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.footdrop.contract.CloudEventHeaders;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.EventJson;
import org.footdrop.contract.EventType;
import org.footdrop.contract.GoldenSamples;
import org.footdrop.contract.Topics;
import org.footdrop.support.security.Role;
import org.footdrop.support.testing.ComposeTlsOverride;
import org.footdrop.support.testing.TestCertificates;
import org.footdrop.support.testing.TestTokens;
import org.footdrop.support.testing.TlsInfrastructure;
import org.footdrop.support.testing.TlsKafkaBroker;
import org.footdrop.support.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * outcomes-service switched to TLS by docker-compose.tls.yml's variables alone. Its Kafka clients
 * belong to the Spring Cloud Stream binder, which builds them from spring.kafka.* without Boot's SSL
 * bundles: the broker here has only an SSL listener, so every record projected and dead-lettered
 * below went through the binder's consumers and producers over TLS.
 */
@TlsInfrastructure
class OutcomesOverTlsTest {

    private static final String ISSUER =
            ComposeTlsOverride.environment("outcomes-service").get("FOOTDROP_AUTH_ISSUER");

    @LocalServerPort
    int port;

    @Autowired
    EventCodec codec;

    private final HttpClient client = HttpClient.newBuilder()
            .sslContext(TestCertificates.shared().trustingOnlyTheCa())
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void shouldBeReadyOverHttpsWithTheBinderAndTheStoreReachedOverTls() {
        // when / then: readiness includes the binder's broker check and the store
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> readiness =
                    client.send(get("/actuator/health/readiness", null), HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        });
    }

    @Test
    void shouldProjectAnEventConsumedFromTheSslListener() {
        // given
        String patientId = "pt-tls-" + UUID.randomUUID();
        String token = TestTokens.builder(Role.CLINICIAN).issuer(ISSUER).sign();

        // when
        publish(golden(EventType.DIAGNOSIS_RECORDED, patientId));

        // then
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> outcomes = client.send(
                    get("/api/v1/patients/" + patientId + "/outcomes", token), HttpResponse.BodyHandlers.ofString());
            assertThat(outcomes.statusCode()).as(outcomes.body()).isEqualTo(200);
            assertThat(EventJson.mapper()
                            .readTree(outcomes.body())
                            .get("appliedEvents")
                            .asInt())
                    .isEqualTo(1);
        });
    }

    @Test
    void shouldDeadLetterAMalformedRecordOverTls() {
        // given
        String patientId = "pt-tls-" + UUID.randomUUID();
        byte[] key = patientId.getBytes(StandardCharsets.UTF_8);
        TlsKafkaBroker broker = TlsKafkaBroker.shared();

        try (TopicProbe dlq = new TopicProbe(broker.bootstrap(), Topics.OUTCOMES_DLQ, broker.clientProperties())) {
            // when
            TopicProbe.send(
                    broker.bootstrap(),
                    broker.clientProperties(),
                    Topics.INTAKE_EVENTS,
                    key,
                    "{\"eventId\": \"not json".getBytes(StandardCharsets.UTF_8),
                    Map.of());

            // then the binder's dead-letter producer wrote it to the SSL listener
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> dlq.poll().stream().anyMatch(record -> java.util.Arrays.equals(record.key(), key)));
        }
    }

    private EventEnvelope golden(EventType type, String patientId) {
        ObjectNode sample = (ObjectNode) EventJson.mapper().readTree(GoldenSamples.read(type, 1));
        sample.put("patientId", patientId);
        sample.put("eventId", UUID.randomUUID().toString());
        return codec.decode(sample.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void publish(EventEnvelope event) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        CloudEventHeaders.of(event).forEach((name, value) -> headers.put(name, value.getBytes(StandardCharsets.UTF_8)));
        TlsKafkaBroker broker = TlsKafkaBroker.shared();
        TopicProbe.send(
                broker.bootstrap(),
                broker.clientProperties(),
                event.eventType().topic(),
                event.patientId().getBytes(StandardCharsets.UTF_8),
                codec.encode(event),
                headers);
    }

    private HttpRequest get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }
}
