package org.footdrop.outcomes.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventType;
import org.footdrop.outcomes.testing.GoldenEvents;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The projection's metrics as Prometheus scrapes them: results per type, freshness, lag, rebuild. */
@EmbeddedInfrastructure
class OutcomesMetricsTest {

    private static final String APPLIED = "footdrop_events_projected_total{application=\"outcomes-service\","
            + "result=\"applied\",type=\"intake.diagnosis-recorded\"}";
    private static final String FRESHNESS_COUNT =
            "footdrop_projection_freshness_seconds_count" + "{application=\"outcomes-service\"}";

    @LocalServerPort
    int port;

    @Value("#{@embeddedKafka.brokersAsString}") // this context's broker: the global property names the last one started
    String brokers;

    @Autowired
    EventCodec codec;

    @Test
    void shouldCountProjectedEventsAndTimeTheirFreshness() {
        Http http = new Http(port);
        double appliedBefore = http.sample(APPLIED);
        double freshnessBefore = http.sample(FRESHNESS_COUNT);

        new GoldenEvents(brokers, codec).publish("pt-metrics-" + UUID.randomUUID(), EventType.DIAGNOSIS_RECORDED);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(http.sample(APPLIED)).isEqualTo(appliedBefore + 1);
            assertThat(http.sample(FRESHNESS_COUNT)).isEqualTo(freshnessBefore + 1);
        });
        String scrape = http.scrape();
        assertThat(scrape)
                .contains("footdrop_projection_freshness_seconds_bucket{application=\"outcomes-service\",le=");
        assertThat(scrape).contains("footdrop_rebuild_progress{application=\"outcomes-service\"}");
        assertThat(scrape).contains("footdrop_cohort_patients{application=\"outcomes-service\"}");
        // consumer lag: the binder's own gauge, per group and topic
        assertThat(scrape).contains("spring_cloud_stream_binder_kafka_offset{");
    }
}
