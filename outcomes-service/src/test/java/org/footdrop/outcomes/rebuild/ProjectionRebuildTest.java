package org.footdrop.outcomes.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventType;
import org.footdrop.outcomes.projection.PatientOutcomeStore;
import org.footdrop.outcomes.testing.GoldenEvents;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A rebuild from the topics, under query load: every query answered, the documents unchanged. */
@EmbeddedInfrastructure
class ProjectionRebuildTest {

    @LocalServerPort
    int port;

    @Value("#{@embeddedKafka.brokersAsString}") // this context's broker: the global property names the last one started
    String brokers;

    @Autowired
    EventCodec codec;

    @Autowired
    PatientOutcomeStore store;

    @Test
    void shouldRebuildIdenticalDocumentsWhileQueriesKeepBeingAnswered() throws Exception {
        // given patients projected from every event type of their golden samples
        Http http = new Http(port);
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String patientId = "pt-rebuild-" + i + "-" + Instant.now().toEpochMilli();
            patients.add(patientId);
            for (EventType type : EventType.values()) {
                publish(patientId, type);
            }
        }
        for (String patientId : patients) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> http.get("/api/v1/patients/{p}/outcomes", patientId)
                                    .getBody()
                                    .path("appliedEvents")
                                    .asInt()
                            == EventType.values().length);
        }
        Map<String, Document> before = new LinkedHashMap<>();
        patients.forEach(p -> before.put(p, store.raw(p)));
        String previous = store.activeCollection();

        // when a rebuild runs while patients' outcomes are being read
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();
        Thread load = new Thread(() -> {
            while (reading.get()) {
                for (String patientId : patients) {
                    int status = http.get("/api/v1/patients/{p}/outcomes", patientId)
                            .getStatusCode()
                            .value();
                    answered.incrementAndGet();
                    if (status != 200) {
                        failures.add(status);
                    }
                }
            }
        });
        load.start();
        // a security test sharing this context may have started one
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !http.get("/api/v1/admin/projection-rebuilds/current")
                        .getBody()
                        .path("state")
                        .asString()
                        .equals("REPLAYING"));
        var started = http.send("POST", "/api/v1/admin/projection-rebuilds", "");
        var again = http.send("POST", "/api/v1/admin/projection-rebuilds", "");
        JsonNode status = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> http.get("/api/v1/admin/projection-rebuilds/current")
                                .getBody(),
                        s -> !s.get("state").asString().equals("REPLAYING"));
        reading.set(false);
        load.join();

        // then
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(status.get("state").asString()).isEqualTo("SWITCHED");
        assertThat(status.get("replayed").asLong())
                .isEqualTo(status.get("total").asLong());
        assertThat(store.activeCollection()).isNotEqualTo(previous);
        assertThat(failures).isEmpty();
        assertThat(answered.get()).isPositive();
        patients.forEach(p -> assertThat(store.raw(p)).isEqualTo(before.get(p)));
    }

    private void publish(String patientId, EventType type) {
        new GoldenEvents(brokers, codec).publish(patientId, type);
    }
}
