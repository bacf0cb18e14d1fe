package org.footdrop.intake.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.footdrop.intake.lifecycle.IntakeRecordApis;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The domain metrics ops read, as Prometheus scrapes them. */
@EmbeddedInfrastructure
class IntakeMetricsTest {

    @LocalServerPort
    int port;

    @Test
    void shouldCountAcceptedEventsRejectionsAndTheOutboxBacklog() {
        Http http = new Http(port);
        String patientId = "pt-metrics-" + UUID.randomUUID();
        double acceptedBefore = http.sample("footdrop_events_accepted_total{application=\"intake-service\","
                + "source=\"intake-service\",type=\"intake.diagnosis-recorded\"}");
        double rejectedBefore = http.sample(
                "footdrop_validation_rejections_total{application=\"intake-service\"," + "reason=\"validation\"}");
        double malformedBefore = http.sample("footdrop_validation_rejections_total{application=\"intake-service\","
                + "reason=\"malformed-request\"}");

        http.send(
                "POST",
                "/api/v1/diagnoses",
                IntakeRecordApis.DIAGNOSES.validBody().apply(patientId).toString());
        http.send("POST", "/api/v1/diagnoses", "{\"patientId\":\"" + patientId + "\"}");
        http.send("POST", "/api/v1/diagnoses", "{not json");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(http.sample("footdrop_events_accepted_total{application=\"intake-service\","
                            + "source=\"intake-service\",type=\"intake.diagnosis-recorded\"}"))
                    .isEqualTo(acceptedBefore + 1);
            assertThat(http.sample("footdrop_validation_rejections_total{application=\"intake-service\","
                            + "reason=\"validation\"}"))
                    .isEqualTo(rejectedBefore + 1);
            assertThat(http.sample("footdrop_validation_rejections_total{application=\"intake-service\","
                            + "reason=\"malformed-request\"}"))
                    .isEqualTo(malformedBefore + 1);
            String scrape = http.scrape();
            assertThat(scrape)
                    .contains("footdrop_events_published_total{application=\"intake-service\","
                            + "type=\"intake.diagnosis-recorded\"}");
            assertThat(scrape).contains("footdrop_outbox_pending{application=\"intake-service\"}");
            assertThat(scrape).contains("footdrop_outbox_oldest_age_seconds{application=\"intake-service\"}");
        });
    }
}
