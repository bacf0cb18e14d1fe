package org.footdrop.intake.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import org.footdrop.contract.Topics;
import org.footdrop.intake.IntakeBodies;
import org.footdrop.support.security.Role;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.footdrop.support.testing.TestTokens;
import org.footdrop.support.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A patient's birth year and sex corrected once for all their diagnoses (each carries its own copy): a writer
 * corrects without reading them, each diagnosis differing becomes its next revision with its event, notes and
 * everything else kept; voided ones and ones already right are left; a repeat changes nothing.
 */
@EmbeddedInfrastructure
class DemographicsCorrectionTest {

    @LocalServerPort
    int port;

    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    @Autowired
    MongoTemplate mongo;

    @Test
    void shouldCorrectEveryDiagnosisThatDiffersAsItsNextRevisionKeepingTheRest() {
        Http http = new Http(port);
        Http writer = new Http(port, TestTokens.builder(Role.CLINICAL_WRITER).sign());
        ObjectNode withNote = IntakeBodies.validDiagnosis();
        String patientId = withNote.get("patientId").asString();
        withNote.putArray("evaluations")
                .addObject()
                .put("kind", "NERVE_CONDUCTION_EMG")
                .put("finding", "CONDUCTION_BLOCK_AT_FIBULAR_HEAD")
                .put("note", "block confirmed at the fibular head");
        String wrong = create(http, withNote);
        String voided = create(http, IntakeBodies.validDiagnosis().put("patientId", patientId));
        http.send("DELETE", "/api/v1/diagnoses/" + voided, "{\"reason\":\"charted twice\"}");
        String right = create(
                http,
                IntakeBodies.validDiagnosis()
                        .put("patientId", patientId)
                        .put("birthYear", 1962)
                        .put("sex", "MALE"));
        JsonNode before = http.get("/api/v1/diagnoses/{d}", wrong).getBody();

        ResponseEntity<JsonNode> corrected = writer.send(
                "PUT", "/api/v1/patients/" + patientId + "/demographics", "{\"birthYear\":1962,\"sex\":\"MALE\"}");

        assertThat(corrected.getStatusCode().value()).as(corrected.toString()).isEqualTo(200);
        JsonNode answered = corrected.getBody();
        assertThat(answered).hasSize(3);
        assertThat(answered.get(0).get("diagnosisId").asString()).isEqualTo(wrong);
        assertThat(answered.get(0).get("amended").asBoolean()).isTrue();
        assertThat(answered.get(0).get("revision").asInt()).isEqualTo(2);
        assertThat(answered.get(1).get("amended").asBoolean()).isFalse(); // voided: a void is final
        assertThat(answered.get(1).get("status").asString()).isEqualTo("VOIDED");
        assertThat(answered.get(2).get("diagnosisId").asString()).isEqualTo(right);
        assertThat(answered.get(2).get("amended").asBoolean()).isFalse();
        assertThat(answered.get(0).has("evaluations")).isFalse(); // a writer reads nothing of the diagnoses
        JsonNode after = http.get("/api/v1/diagnoses/{d}", wrong).getBody();
        assertThat(after.get("birthYear").asInt()).isEqualTo(1962);
        assertThat(after.get("sex").asString()).isEqualTo("MALE");
        ObjectNode unchanged = ((ObjectNode) after.deepCopy())
                .put("birthYear", 1968)
                .put("sex", "FEMALE")
                .put("revision", 1);
        unchanged.remove("amendedAt");
        ObjectNode original = (ObjectNode) before.deepCopy();
        original.remove("amendedAt");
        assertThat(unchanged).isEqualTo(original); // the note and every other field as they were
        assertThat(http.get("/api/v1/diagnoses/{d}", right)
                        .getBody()
                        .get("revision")
                        .asInt())
                .isEqualTo(1);

        // the amend reaches the outcomes as any amend does: its event carries the corrected values
        try (TopicProbe topic = new TopicProbe(brokers, Topics.INTAKE_EVENTS)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.poll().stream()
                            .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                            .anyMatch(event -> event.contains(wrong)
                                    && event.contains("\"birthYear\":1962")
                                    && event.contains("\"revision\":2")));
        }

        // and a repeat changes nothing
        JsonNode again = writer.send(
                        "PUT",
                        "/api/v1/patients/" + patientId + "/demographics",
                        "{\"birthYear\":1962,\"sex\":\"MALE\"}")
                .getBody();
        assertThat(again.findValuesAsString("amended")).containsOnly("false");
        assertThat(http.get("/api/v1/diagnoses/{d}", wrong)
                        .getBody()
                        .get("revision")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void shouldRefuseABadCorrectionNamingTheFieldAndChangeNothing() {
        Http http = new Http(port);
        ObjectNode diagnosis = IntakeBodies.validDiagnosis();
        String patientId = diagnosis.get("patientId").asString();
        String id = create(http, diagnosis);
        String path = "/api/v1/patients/" + patientId + "/demographics";

        var future = http.send("PUT", path, "{\"birthYear\":" + (Year.now().getValue() + 1) + "}");
        var unknownSex = http.send("PUT", path, "{\"birthYear\":1962,\"sex\":\"UNKNOWN_VALUE\"}");
        var tooEarly = http.send("PUT", path, "{\"birthYear\":1800}");
        var other = http.send("PUT", path, "{\"birthYear\":1962,\"side\":\"LEFT\"}");
        var noPatient = http.send("PUT", "/api/v1/patients/no$such/demographics", "{\"birthYear\":1962}");

        assertThat(future.getStatusCode().value()).isEqualTo(400);
        assertThat(future.getBody().path("errors").get(0).get("field").asString())
                .isEqualTo("birthYear");
        assertThat(unknownSex.getStatusCode().value()).isEqualTo(400);
        assertThat(unknownSex.getBody().toString()).contains("sex");
        assertThat(tooEarly.getStatusCode().value()).isEqualTo(400);
        assertThat(tooEarly.getBody().path("errors").get(0).get("field").asString())
                .isEqualTo("birthYear");
        assertThat(other.getStatusCode().value()).isEqualTo(400);
        assertThat(noPatient.getStatusCode().value()).isEqualTo(400);
        JsonNode stored = http.get("/api/v1/diagnoses/{d}", id).getBody();
        assertThat(stored.get("revision").asInt()).isEqualTo(1);
        assertThat(stored.get("birthYear").asInt()).isEqualTo(1968);
    }

    @Test
    void shouldCorrectNothingWhenADiagnosisStoredUnderOlderRulesFailsTodaysAndNameIt() {
        Http http = new Http(port);
        Http writer = new Http(port, TestTokens.builder(Role.CLINICAL_WRITER).sign());
        ObjectNode first = IntakeBodies.validDiagnosis();
        String patientId = first.get("patientId").asString();
        String fine = create(http, first);
        String legacy = create(http, IntakeBodies.validDiagnosis().put("patientId", patientId));
        // stored before today's rule that a bilateral diagnosis names its index side
        long changed = mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(legacy)),
                        new Update().set("state.side", "BILATERAL").unset("state.indexSide"),
                        "diagnoses")
                .getMatchedCount();
        assertThat(changed).isEqualTo(1);

        ResponseEntity<JsonNode> refused = writer.send(
                "PUT", "/api/v1/patients/" + patientId + "/demographics", "{\"birthYear\":1962,\"sex\":\"MALE\"}");

        // refused as a whole, naming the diagnosis and its field: none is corrected, not the first one either
        assertThat(refused.getStatusCode().value()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.getBody().path("errors").get(0).get("field").asString())
                .isEqualTo("diagnoses[" + legacy + "].indexSide");
        JsonNode untouched = http.get("/api/v1/diagnoses/{d}", fine).getBody();
        assertThat(untouched.get("revision").asInt()).isEqualTo(1);
        assertThat(untouched.get("birthYear").asInt()).isEqualTo(1968);
    }

    private static String create(Http http, ObjectNode body) {
        ResponseEntity<JsonNode> created = http.send("POST", "/api/v1/diagnoses", body.toString());
        assertThat(created.getStatusCode().value()).as(created.toString()).isEqualTo(201);
        return created.getBody().get("diagnosisId").asString();
    }
}
