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
        double acceptedBefore = sample(http, "footdrop_events_accepted_total{application=\"intake-service\","
                + "source=\"intake-service\",type=\"intake.diagnosis-recorded\"}");
        double rejectedBefore = sample(http, "footdrop_validation_rejections_total{application=\"intake-service\","
                + "reason=\"validation\"}");
        double malformedBefore = sample(http, "footdrop_validation_rejections_total{application=\"intake-service\","
                + "reason=\"malformed-request\"}");

        http.send("POST", "/api/v1/diagnoses", IntakeRecordApis.DIAGNOSES.validBody().apply(patientId).toString());
        http.send("POST", "/api/v1/diagnoses", "{\"patientId\":\"" + patientId + "\"}");
        http.send("POST", "/api/v1/diagnoses", "{not json");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(sample(http, "footdrop_events_accepted_total{application=\"intake-service\","
                    + "source=\"intake-service\",type=\"intake.diagnosis-recorded\"}")).isEqualTo(acceptedBefore + 1);
            assertThat(sample(http, "footdrop_validation_rejections_total{application=\"intake-service\","
                    + "reason=\"validation\"}")).isEqualTo(rejectedBefore + 1);
            assertThat(sample(http, "footdrop_validation_rejections_total{application=\"intake-service\","
                    + "reason=\"malformed-request\"}")).isEqualTo(malformedBefore + 1);
            String scrape = scrape(http);
            assertThat(scrape).contains("footdrop_events_published_total{application=\"intake-service\","
                    + "type=\"intake.diagnosis-recorded\"}");
            assertThat(scrape).contains("footdrop_outbox_pending{application=\"intake-service\"}");
            assertThat(scrape).contains("footdrop_outbox_oldest_age_seconds{application=\"intake-service\"}");
        });
    }

    static String scrape(Http http) {
        return http.sendForText("GET", "/actuator/prometheus", null).getBody();
    }

    /** The sample's value, 0 when the series does not exist yet. */
    static double sample(Http http, String series) {
        return scrape(http).lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst().orElse(0);
    }
}
