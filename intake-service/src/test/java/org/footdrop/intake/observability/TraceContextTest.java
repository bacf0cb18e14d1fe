package org.footdrop.intake.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.footdrop.contract.Topics;
import org.footdrop.intake.lifecycle.IntakeRecordApis;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.footdrop.support.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The trace of the POST travels with its event: stored in the outbox, sent as the record's traceparent. */
@EmbeddedInfrastructure
class TraceContextTest {

    @LocalServerPort
    int port;

    @Value("#{@embeddedKafka.brokersAsString}") // this context's broker: the global property names the last one started
    String brokers;

    @Test
    void shouldSendTheEventInTheTraceOfTheRequestThatAcceptedIt() {
        // given a caller that is itself traced
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        String traceId = HexFormat.of().formatHex(id);
        String patientId = "pt-trace-" + UUID.randomUUID();
        try (TopicProbe topic = new TopicProbe(brokers, Topics.INTAKE_EVENTS)) {
            // when it posts a diagnosis
            var created = new Http(port)
                    .send(
                            "POST",
                            "/api/v1/diagnoses",
                            IntakeRecordApis.DIAGNOSES
                                    .validBody()
                                    .apply(patientId)
                                    .toString(),
                            "traceparent",
                            "00-" + traceId + "-00f067aa0ba902b7-01");
            assertThat(created.getStatusCode().value()).isEqualTo(201);

            // then the event carries the same trace id, in a span of the service's own
            ConsumerRecord<byte[], byte[]> record = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> topic.poll().stream()
                                    .filter(r -> patientId.equals(new String(r.key(), StandardCharsets.UTF_8)))
                                    .findFirst()
                                    .orElse(null),
                            r -> r != null);
            String traceparent =
                    new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
            assertThat(traceparent).startsWith("00-" + traceId + "-");
            assertThat(traceparent).doesNotContain("00f067aa0ba902b7");
        }
    }
}
