package org.footdrop.treatment.therapy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.EventJson;
import org.footdrop.contract.EventType;
import org.footdrop.contract.GoldenSamples;
import org.footdrop.contract.Topics;
import org.footdrop.contract.treatment.TherapySessionLogged;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.footdrop.support.testing.TopicProbe;
import org.footdrop.treatment.TreatmentBodies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Sessions logged against a prescription: adherence, rules and the events they publish. */
@EmbeddedInfrastructure
class TherapySessionsTest {

    @LocalServerPort
    int port;

    @Value("#{@embeddedKafka.brokersAsString}") // this context's broker: the global property names the last one started
    String brokers;

    @Autowired
    EventCodec codec;

    Http http;
    TopicProbe topic;

    @BeforeEach
    void connect() {
        http = new Http(port);
        topic = new TopicProbe(brokers, Topics.TREATMENT_EVENTS);
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }

    @Test
    void shouldComputeAdherenceAsAttendedOverPlannedSessions() {
        // given 2 sessions a week for 8 weeks: 16 planned
        String patientId = "pt-" + UUID.randomUUID();
        String therapy = prescribe(TreatmentBodies.therapy(patientId).toString());

        // when 3 sessions are logged, 2 attended, and one attended session is then voided
        log(therapy, "2026-03-09", true);
        String voided = log(therapy, "2026-03-11", true);
        log(therapy, "2026-03-16", false);
        http.send("DELETE", "/api/v1/therapies/" + therapy + "/sessions/" + voided, "{\"reason\":\"wrong day\"}");

        // then 1 attended of 16 planned; 2 logged
        JsonNode view = http.get("/api/v1/therapies/{id}", therapy).getBody();
        assertThat(view.get("plannedSessions").asInt()).isEqualTo(16);
        assertThat(view.get("loggedSessions").asInt()).isEqualTo(2);
        assertThat(view.get("attendedSessions").asInt()).isEqualTo(1);
        assertThat(view.get("adherence").decimalValue()).isEqualByComparingTo("0.063");
        assertThat(http.get("/api/v1/therapies/{id}/sessions", therapy).getBody())
                .hasSize(3);
    }

    @Test
    void shouldPlanSessionsUntilAnEndDateCountingPartWeeks() {
        // 2026-03-09 .. 2026-03-24 is 16 days: 3 weeks (a part week counts), at 2 a week: 6
        String patientId = "pt-" + UUID.randomUUID();
        String therapy = prescribe(TreatmentBodies.therapy(patientId)
                .without("plannedWeeks")
                .put("endDate", "2026-03-24")
                .toString());

        assertThat(http.get("/api/v1/therapies/{id}", therapy)
                        .getBody()
                        .get("plannedSessions")
                        .asInt())
                .isEqualTo(6);
    }

    @Test
    void shouldPublishEachSessionRevisionAsTherapySessionLogged() {
        String patientId = "pt-" + UUID.randomUUID();
        String therapy = prescribe(TreatmentBodies.therapy(patientId).toString());
        String session = log(therapy, "2026-03-09", false);

        http.send(
                "PUT",
                "/api/v1/therapies/" + therapy + "/sessions/" + session,
                "{\"date\":\"2026-03-09\",\"attended\":true}",
                "If-Match",
                "1");
        http.send("DELETE", "/api/v1/therapies/" + therapy + "/sessions/" + session, "{\"reason\":\"duplicate\"}");

        List<TherapySessionLogged> logged = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> topic.poll().stream()
                                .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals(patientId))
                                .map(r -> codec.decode(r.value()))
                                .map(EventEnvelope::payload)
                                .filter(TherapySessionLogged.class::isInstance)
                                .map(TherapySessionLogged.class::cast)
                                .toList(),
                        l -> l.size() >= 3);
        assertThat(logged).extracting(TherapySessionLogged::revision).containsExactly(1, 2, 3);
        assertThat(logged).extracting(l -> l.session().attended()).containsExactly(false, true, true);
        assertThat(logged).extracting(TherapySessionLogged::voided).containsExactly(false, false, true);
        assertThat(logged).allMatch(l -> l.therapyId().toString().equals(therapy));
        JsonNode golden = EventJson.mapper().readTree(GoldenSamples.read(EventType.THERAPY_SESSION_LOGGED, 1));
        JsonNode first = EventJson.mapper().valueToTree(logged.get(0));
        assertThat(first.propertyNames())
                .containsExactlyInAnyOrderElementsOf(golden.get("payload").propertyNames());
        assertThat(first.get("session").propertyNames())
                .containsExactlyInAnyOrderElementsOf(
                        golden.get("payload").get("session").propertyNames());
    }

    @Test
    void shouldRefuseSessionsBeforeTheStartOrForAVoidedTherapy() {
        String patientId = "pt-" + UUID.randomUUID();
        String therapy = prescribe(TreatmentBodies.therapy(patientId).toString());

        ResponseEntity<JsonNode> early = http.send(
                "POST", "/api/v1/therapies/" + therapy + "/sessions", "{\"date\":\"2026-03-08\",\"attended\":true}");
        http.send("DELETE", "/api/v1/therapies/" + therapy, "{\"reason\":\"prescribed in error\"}");
        ResponseEntity<JsonNode> afterVoid = http.send(
                "POST", "/api/v1/therapies/" + therapy + "/sessions", "{\"date\":\"2026-03-10\",\"attended\":true}");
        ResponseEntity<JsonNode> unknown = http.send(
                "POST",
                "/api/v1/therapies/" + UUID.randomUUID() + "/sessions",
                "{\"date\":\"2026-03-10\",\"attended\":true}");

        assertThat(early.getStatusCode().value()).isEqualTo(400);
        assertThat(early.getBody().get("errors").findValuesAsString("field")).contains("date");
        assertThat(afterVoid.getStatusCode().value()).isEqualTo(409);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void shouldAnswerARetriedSessionAsItWasLoggedAfterItsTherapyWasVoidedButNoNewOne() {
        String patientId = "pt-" + UUID.randomUUID();
        String therapy = prescribe(TreatmentBodies.therapy(patientId).toString());
        String path = "/api/v1/therapies/" + therapy + "/sessions";
        String body = "{\"date\":\"2026-03-10\",\"attended\":true}";
        ResponseEntity<JsonNode> logged = http.send("POST", path, body, "Idempotency-Key", "s-1");
        http.send("DELETE", "/api/v1/therapies/" + therapy, "{\"reason\":\"prescribed in error\"}");

        // a client that never saw its answer sends the same session again, after the void
        ResponseEntity<JsonNode> retried = http.send("POST", path, body, "Idempotency-Key", "s-1");
        ResponseEntity<JsonNode> otherBody =
                http.send("POST", path, "{\"date\":\"2026-03-11\",\"attended\":true}", "Idempotency-Key", "s-1");
        ResponseEntity<JsonNode> newOne = http.send("POST", path, body, "Idempotency-Key", "s-2");

        assertThat(logged.getStatusCode().value()).isEqualTo(201);
        assertThat(retried.getStatusCode().value()).as(retried.toString()).isIn(200, 201);
        assertThat(retried.getBody().get("sessionId"))
                .isEqualTo(logged.getBody().get("sessionId"));
        assertThat(otherBody.getStatusCode().value()).isEqualTo(409);
        assertThat(newOne.getStatusCode().value()).isEqualTo(409); // a new session of a voided therapy
    }

    @Test
    void shouldReadAmendAndVoidASessionByItsOwnIdAndListThePatientsSessions() {
        // given two therapies of one patient, a session of each, and a session of another patient
        String patientId = "pt-" + UUID.randomUUID();
        String physical = prescribe(TreatmentBodies.therapy(patientId).toString());
        String orthotic = prescribe(TreatmentBodies.therapy(patientId).toString());
        String first = log(physical, "2026-03-09", false);
        String second = log(orthotic, "2026-03-10", true);
        log(prescribe(TreatmentBodies.therapy("pt-" + UUID.randomUUID()).toString()), "2026-03-09", true);

        // when the first is read, corrected and the second voided, by their own ids
        JsonNode read = http.get("/api/v1/therapy-sessions/{id}", first).getBody();
        ResponseEntity<JsonNode> amended = http.send(
                "PUT",
                "/api/v1/therapy-sessions/" + first,
                "{\"date\":\"2026-03-09\",\"attended\":true,\"patientId\":\"" + patientId + "\"}",
                "If-Match",
                "1");
        ResponseEntity<JsonNode> voided =
                http.send("DELETE", "/api/v1/therapy-sessions/" + second, "{\"reason\":\"duplicate\"}");

        // then each answer is the session, and the patient's listing has both, the second voided
        assertThat(read.get("therapyId").asString()).isEqualTo(physical);
        assertThat(read.get("patientId").asString()).isEqualTo(patientId);
        assertThat(amended.getStatusCode().value()).as(amended.toString()).isEqualTo(200);
        assertThat(amended.getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(amended.getBody().get("attended").asBoolean()).isTrue();
        assertThat(voided.getBody().get("status").asString()).isEqualTo("VOIDED");
        JsonNode listed =
                http.get("/api/v1/patients/{p}/therapy-sessions", patientId).getBody();
        assertThat(listed.findValuesAsString("sessionId")).containsExactly(first, second);
        assertThat(listed.findValuesAsString("status")).containsExactly("ACTIVE", "VOIDED");
        assertThat(http.get("/api/v1/therapy-sessions/{id}", UUID.randomUUID())
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    @Test
    void shouldRefuseACorrectionByIdThatMovesTheSessionOrOfAVoidedTherapy() {
        String patientId = "pt-" + UUID.randomUUID();
        String therapy = prescribe(TreatmentBodies.therapy(patientId).toString());
        String other = prescribe(TreatmentBodies.therapy(patientId).toString());
        String session = log(therapy, "2026-03-09", true);
        String path = "/api/v1/therapy-sessions/" + session;

        ResponseEntity<JsonNode> moved = http.send(
                "PUT",
                path,
                "{\"date\":\"2026-03-09\",\"attended\":true,\"therapyId\":\"" + other + "\"}",
                "If-Match",
                "1");
        ResponseEntity<JsonNode> otherPatient = http.send(
                "PUT",
                path,
                "{\"date\":\"2026-03-09\",\"attended\":true,\"patientId\":\"someone-else\"}",
                "If-Match",
                "1");
        http.send("DELETE", "/api/v1/therapies/" + therapy, "{\"reason\":\"prescribed in error\"}");
        ResponseEntity<JsonNode> ofVoided =
                http.send("PUT", path, "{\"date\":\"2026-03-10\",\"attended\":true}", "If-Match", "1");

        assertThat(moved.getStatusCode().value()).isEqualTo(400);
        assertThat(moved.getBody().get("errors").findValuesAsString("field")).containsExactly("therapyId");
        assertThat(otherPatient.getStatusCode().value()).isEqualTo(400);
        assertThat(otherPatient.getBody().get("errors").findValuesAsString("field"))
                .containsExactly("patientId");
        assertThat(ofVoided.getStatusCode().value()).isEqualTo(409);
        JsonNode stored = http.get("/api/v1/therapy-sessions/{id}", session).getBody();
        assertThat(stored.get("revision").asInt()).isEqualTo(1);
        assertThat(stored.get("therapyId").asString()).isEqualTo(therapy);
    }

    @Test
    void shouldRefuseASessionNamingAnotherPatientThanItsTherapys() {
        String patientId = "pt-" + UUID.randomUUID();
        String therapy = prescribe(TreatmentBodies.therapy(patientId).toString());

        ResponseEntity<JsonNode> response = http.send(
                "POST",
                "/api/v1/therapies/" + therapy + "/sessions",
                "{\"date\":\"2026-03-10\",\"attended\":true,\"patientId\":\"someone-else\"}");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("errors").findValuesAsString("field")).containsExactly("patientId");
        assertThat(http.get("/api/v1/therapies/{id}/sessions", therapy).getBody())
                .isEmpty();
    }

    @Test
    void shouldRefuseAnEnergyModalityPrescriptionWithoutItsModality() {
        // given an energy modality prescription that names no modality (each rule: TherapyRulesTest)
        String patientId = "pt-" + UUID.randomUUID();
        String energy = TreatmentBodies.therapy(patientId)
                .put("type", "ENERGY_MODALITY")
                .toString();

        // when
        ResponseEntity<JsonNode> response = http.send("POST", "/api/v1/therapies", energy);

        // then
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("errors").findValuesAsString("field")).contains("modality");
        assertThat(http.get("/api/v1/patients/{p}/therapies", patientId).getBody())
                .isEmpty();
    }

    private String prescribe(String body) {
        ResponseEntity<JsonNode> response = http.send("POST", "/api/v1/therapies", body);
        assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(201);
        return response.getBody().get("therapyId").asString();
    }

    private String log(String therapy, String date, boolean attended) {
        ResponseEntity<JsonNode> response = http.send(
                "POST",
                "/api/v1/therapies/" + therapy + "/sessions",
                "{\"date\":\"" + date + "\",\"attended\":" + attended + "}");
        assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(201);
        String session = response.getBody().get("sessionId").asString();
        assertThat(response.getHeaders().getLocation()).hasToString("/api/v1/therapy-sessions/" + session);
        return session;
    }
}
