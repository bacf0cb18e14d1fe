package org.footdrop.treatment.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.OpenApiExamplesContract;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

@EmbeddedInfrastructure
class OpenApiExamplesTest extends OpenApiExamplesContract {

    @Test
    void shouldAcceptTheSessionExamplesUnderATherapy() {
        String therapy = create("/api/v1/therapies");
        String sessions = "/api/v1/therapies/{therapyId}/sessions";

        ResponseEntity<JsonNode> logged = http.send(
                "POST", therapy + "/sessions", example(sessions, "post").toString());
        String session = logged.getHeaders().getLocation().toString();
        ResponseEntity<JsonNode> amended = http.send(
                "PUT", session, example(sessions + "/{sessionId}", "put").toString(), "If-Match", "1");
        ResponseEntity<JsonNode> voided = http.send(
                "DELETE", session, example(sessions + "/{sessionId}", "delete").toString());

        assertThat(logged.getStatusCode().value()).as(logged.toString()).isEqualTo(201);
        assertThat(amended.getStatusCode().value()).as(amended.toString()).isEqualTo(200);
        assertThat(voided.getStatusCode().value()).as(voided.toString()).isEqualTo(200);
    }
}
