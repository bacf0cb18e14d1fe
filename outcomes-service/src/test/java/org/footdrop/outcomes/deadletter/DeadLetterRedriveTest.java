package org.footdrop.outcomes.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.footdrop.outcomes.testing.PoisonRecords;
import org.footdrop.support.security.Role;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.footdrop.support.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The admin sees each dead letter's reason and origin, re-drives it once, and the store remembers. */
@EmbeddedInfrastructure
class DeadLetterRedriveTest {

    @LocalServerPort
    int port;

    @Value("#{@embeddedKafka.brokersAsString}") // this context's broker: the global property names the last one started
    String brokers;

    @Test
    void shouldRedriveADeadLetterOnceAndRememberIt() {
        // an admin signed in to the web app: the re-drive is remembered under the person, not the client
        Http admin = new Http(
                port,
                TestTokens.builder(Role.ADMIN)
                        .subject("ops-oncall")
                        .client("clinic-web")
                        .sign());
        JsonNode letter = PoisonRecords.deadLetter(brokers, admin);
        assertThat(letter.path("reason").asString()).isEqualTo("UNPARSEABLE");
        assertThat(letter.path("originalTopic").asString()).isEqualTo("intake.events.v1");
        assertThat(letter.path("redrive").isNull() || letter.path("redrive").isMissingNode())
                .isTrue();
        String path = "/api/v1/admin/dead-letters/" + letter.get("partition").asInt() + "/"
                + letter.get("offset").asLong() + "/redrives";

        var first = admin.send("POST", path, null);
        var second = admin.send("POST", path, null);
        var unknown = admin.send("POST", "/api/v1/admin/dead-letters/0/999999/redrives", null);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(first.getBody().path("redrive").path("by").asString()).isEqualTo("ops-oncall");
        assertThat(first.getBody().path("redrive").path("topic").asString()).isEqualTo("intake.events.v1");
        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        JsonNode listed = null;
        for (JsonNode each : admin.get("/api/v1/admin/dead-letters").getBody()) {
            if (each.path("offset").asLong() == letter.get("offset").asLong()
                    && each.path("partition").asInt() == letter.get("partition").asInt()) {
                listed = each;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("redrive").path("by").asString()).isEqualTo("ops-oncall");
    }
}
