package org.footdrop.outcomes.testing;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.footdrop.contract.Topics;
import org.footdrop.support.testing.Http;
import org.footdrop.support.testing.TopicProbe;
import tools.jackson.databind.JsonNode;

/** Puts an unparseable record on the intake topic and waits for it on the dead-letter topic. */
public final class PoisonRecords {

    private PoisonRecords() {}

    /** The new dead letter as the admin API lists it. */
    public static JsonNode deadLetter(String brokers, Http admin) {
        String patientId = "pt-poison-" + UUID.randomUUID();
        TopicProbe.send(
                brokers,
                Topics.INTAKE_EVENTS,
                patientId.getBytes(StandardCharsets.UTF_8),
                "{not an event".getBytes(StandardCharsets.UTF_8),
                Map.of());
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            for (JsonNode letter :
                                    admin.get("/api/v1/admin/dead-letters").getBody()) {
                                if (patientId.equals(letter.path("patientId").asString())) {
                                    return letter;
                                }
                            }
                            return null;
                        },
                        letter -> letter != null);
    }
}
