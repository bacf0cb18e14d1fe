package org.footdrop.intake.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.EventJson;
import org.footdrop.contract.EventType;
import org.footdrop.contract.GoldenSamples;
import org.footdrop.contract.Topics;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.footdrop.support.testing.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A patient's records listed without scanning, and the request bodies the intake lifecycle tests
 * use. (Corrections, retries and event shapes: the shared RecordLifecycleContract.)
 */
@EmbeddedInfrastructure
class PatientListingTest {

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    EventCodec codec;

    Http http;
    TopicProbe topic;

    @BeforeEach
    void connect() {
        http = new Http(port);
        topic = new TopicProbe(brokers, Topics.INTAKE_EVENTS);
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }

    @Test
    void shouldListAPatientsRecordsOldestFirstWithVoidedOnesMarked() {
        String patientId = "pt-" + UUID.randomUUID();
        String first = post("diagnoses", body("diagnoses", patientId), null).getBody().get("diagnosisId").asString();
        String second = post("diagnoses", amendedBody("diagnoses", patientId), null).getBody().get("diagnosisId")
                .asString();
        http.send("DELETE", "/api/v1/diagnoses/" + first, "{\"reason\":\"wrong patient\"}");

        JsonNode list = http.get("/api/v1/patients/{p}/diagnoses", patientId).getBody();

        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("diagnosisId").asString()).isEqualTo(first);
        assertThat(list.get(0).get("status").asString()).isEqualTo("VOIDED");
        assertThat(list.get(1).get("diagnosisId").asString()).isEqualTo(second);
        assertThat(http.get("/api/v1/patients/{p}/diagnoses", "pt-nobody-" + UUID.randomUUID()).getBody()).isEmpty();
    }

    ResponseEntity<JsonNode> post(String records, ObjectNode body, String key) {
        ResponseEntity<JsonNode> response = http.send("POST", "/api/v1/" + records, body.toString(),
                "Idempotency-Key", key);
        assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(201);
        return response;
    }

    List<EventEnvelope> awaitEvents(String patientId, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(patientId), e -> e.size() >= count);
    }

    List<EventEnvelope> eventsOf(String patientId) {
        return topic.poll().stream()
                .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals(patientId))
                .map(ConsumerRecord::value).map(codec::decode).toList();
    }

    static ObjectNode body(String records, String patientId) {
        ObjectNode body = EventJson.mapper().createObjectNode().put("patientId", patientId);
        if (records.equals("diagnoses")) {
            return body.put("side", "RIGHT").put("diagnosisDate", "2026-02-10").put("causeCategory", "SCIATIC_NERVE");
        }
        body.put("assessedAt", "2026-03-02T09:00:00Z").put("kind", "BASELINE").put("side", "RIGHT");
        body.putObject("measures").put("mrcAnkleDorsiflexion", "3").put("gaitSpeedComfortable", 0.62);
        return body;
    }

    static ObjectNode amendedBody(String records, String patientId) {
        ObjectNode body = body(records, patientId);
        if (records.equals("diagnoses")) {
            return body.put("side", "LEFT");
        }
        ((ObjectNode) body.get("measures")).put("mrcAnkleDorsiflexion", "3+");
        return body;
    }

    static String idField(String records) {
        return records.equals("diagnoses") ? "diagnosisId" : "assessmentId";
    }

    static List<String> names(JsonNode node) {
        return node.propertyNames().stream().sorted().toList();
    }
}
