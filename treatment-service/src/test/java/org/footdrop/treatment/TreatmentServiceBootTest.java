package org.footdrop.treatment;

import static org.assertj.core.api.Assertions.assertThat;

import org.footdrop.support.outbox.OutboxWriter;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** treatment-service boots with the shared conventions: outbox, problem+json, health probes. */
@EmbeddedInfrastructure
class TreatmentServiceBootTest {

    @LocalServerPort
    int port;

    @Autowired
    OutboxWriter outbox;

    @Test
    void shouldBeReadyOnTheStoreAloneAndLive() {
        RestClient http = client();

        var readiness = http.get().uri("/actuator/health/readiness").retrieve().toEntity(JsonNode.class);
        var liveness = http.get().uri("/actuator/health/liveness").retrieve().toEntity(JsonNode.class);

        assertThat(readiness.getStatusCode().value()).isEqualTo(200);
        assertThat(readiness.getBody().get("status").asString()).isEqualTo("UP");
        assertThat(liveness.getStatusCode().value()).isEqualTo(200);
        assertThat(outbox).isNotNull();
    }

    @Test
    void shouldAnswerUnknownRoutesWithProblemJson() {
        var response = client().get().uri("/api/v1/nothing-here").retrieve().toEntity(JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldExposeOnlyHealthInfoAndPrometheus() {
        var response = client().get().uri("/actuator").retrieve().toEntity(JsonNode.class);

        assertThat(response.getBody().get("_links").propertyNames())
                .allMatch(link -> link.equals("self")
                        || link.startsWith("health")
                        || link.equals("info")
                        || link.equals("prometheus"));
        assertThat(client().get()
                        .uri("/actuator/prometheus")
                        .retrieve()
                        .toEntity(String.class)
                        .getBody())
                .contains("application=\"treatment-service\"");
    }

    private RestClient client() {
        return new Http(port).client();
    }
}
