package org.footdrop.outcomes.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
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
import tools.jackson.databind.JsonNode;

/**
 * Every read of the outcomes API shows a realistic example answer in its OpenAPI document, and each
 * example names every field the running service really returns.
 */
@EmbeddedInfrastructure
class OpenApiResponseExamplesTest {

    @LocalServerPort
    int port;

    @Value("#{@embeddedKafka.brokersAsString}") // this context's broker: the global property names the last one started
    String brokers;

    @Autowired
    EventCodec codec;

    @Test
    void shouldShowAnExampleWithEveryRealFieldForEveryRead() {
        // given a patient with every kind of event, so that the real answer is as full as it gets
        Http http = new Http(port);
        String patientId = "pt-openapi-" + UUID.randomUUID();
        for (EventType type : new EventType[] {
            EventType.DIAGNOSIS_RECORDED,
            EventType.ASSESSMENT_RECORDED,
            EventType.INJECTION_ADMINISTERED,
            EventType.THERAPY_PRESCRIBED,
            EventType.THERAPY_SESSION_LOGGED
        }) {
            publish(patientId, type);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get("/api/v1/patients/{p}/outcomes", patientId)
                                .getBody()
                                .path("appliedEvents")
                                .asInt()
                        == 5);
        JsonNode paths = http.get("/v3/api-docs").getBody().get("paths");
        Map<String, String> reads = Map.of(
                "/api/v1/patients/{patientId}/outcomes", "/api/v1/patients/" + patientId + "/outcomes",
                "/api/v1/cohorts/outcomes", "/api/v1/cohorts/outcomes?measure=gaitSpeedComfortable&window=WEEK_2",
                "/api/v1/cohorts/time-to-response", "/api/v1/cohorts/time-to-response?measure=lefs",
                "/api/v1/cohorts/safety", "/api/v1/cohorts/safety",
                "/api/v1/cohorts/report", "/api/v1/cohorts/report?groupBy=solutionGroup",
                "/api/v1/data-quality/summary", "/api/v1/data-quality/summary",
                "/api/v1/data-quality", "/api/v1/data-quality",
                "/api/v1/admin/projection-rebuilds/current", "/api/v1/admin/projection-rebuilds/current");

        // then
        reads.forEach((path, call) -> {
            JsonNode content =
                    paths.path(path).path("get").path("responses").path("200").path("content");
            assertThat(content.isObject())
                    .as("GET %s in the document: %s", path, paths.path(path))
                    .isTrue();
            // springdoc announces reads as */* or application/json: the example sits under each
            JsonNode example = content.valueStream()
                    .findFirst()
                    .orElseThrow()
                    .path("examples")
                    .path("realistic")
                    .path("value");
            assertThat(example.isObject()).as("example for GET %s", path).isTrue();
            JsonNode real = http.get(call).getBody();
            assertThat(example.propertyNames()).as("fields of GET %s", path).containsAll(real.propertyNames());
        });
    }

    private void publish(String patientId, EventType type) {
        new GoldenEvents(brokers, codec).publish(patientId, type);
    }
}
