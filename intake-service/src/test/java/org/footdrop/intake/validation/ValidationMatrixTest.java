package org.footdrop.intake.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.footdrop.intake.IntakeBodies.validAssessment;
import static org.footdrop.intake.IntakeBodies.validDiagnosis;

import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validation end-to-end: a refused request stores nothing, the rule that reads the store (no
 * assessment before the symptom onset), the valid bodies stored, and the body-size limit on a real
 * server. One case per validation rule is in DiagnosisValidationSliceTest and
 * AssessmentValidationSliceTest.
 */
@EmbeddedInfrastructure
class ValidationMatrixTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void shouldRefuseADiagnosisBreakingARuleAndStoreNothing() {
        assertRefused("/api/v1/diagnoses", validDiagnosis(), d -> d.put("side", "BILATERAL"), "indexSide");
    }

    @Test
    void shouldRefuseAssessmentBeforeTheSymptomOnset() {
        // given a patient whose symptoms began on 2025-11-20
        String patientId = "pt-" + UUID.randomUUID();
        ObjectNode diagnosis = validDiagnosis().put("patientId", patientId);
        assertThat(http.send("POST", "/api/v1/diagnoses", diagnosis.toString())
                        .getStatusCode()
                        .value())
                .isEqualTo(201);

        // when / then
        assertRefused(
                "/api/v1/assessments",
                validAssessment(patientId),
                a -> a.put("assessedAt", "2025-11-19T10:00:00Z"),
                "assessedAt");
    }

    @Test
    void shouldAcceptTheValidBodiesTheMatrixStartsFrom() {
        assertThat(http.send("POST", "/api/v1/diagnoses", validDiagnosis().toString())
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        assertThat(http.send(
                                "POST",
                                "/api/v1/assessments",
                                validAssessment("pt-" + UUID.randomUUID()).toString())
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
    }

    @Test
    void shouldAcceptAWellFormedButUnknownIcd10CodeWithAWarning() {
        ObjectNode diagnosis = validDiagnosis();
        diagnosis.putArray("icd10Codes").add("M21.372").add("E11.9");

        ResponseEntity<JsonNode> response = http.send("POST", "/api/v1/diagnoses", diagnosis.toString());

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getBody().get("warnings")).hasSize(1);
        assertThat(response.getBody().get("warnings").get(0).asString()).contains("E11.9");
    }

    @Test
    void shouldRefuseABodyOverTheLimitWith413() {
        ObjectNode huge = validDiagnosis();
        huge.putArray("icd10Codes").add("M21.372".repeat(20_000));

        ResponseEntity<JsonNode> response = http.send("POST", "/api/v1/diagnoses", huge.toString());

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getHeaders().getContentType())
                .isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(response.getBody().get("type").asString())
                .isEqualTo("https://footdrop.org/problems/payload-too-large");
    }

    @Test
    void shouldRefuseAChunkedBodyOverTheLimitWith413() {
        byte[] huge =
                validDiagnosis().put("note", "x".repeat(200_000)).toString().getBytes();

        ResponseEntity<JsonNode> response = http.client()
                .post()
                .uri("/api/v1/diagnoses")
                .contentType(MediaType.APPLICATION_JSON)
                .body(outputStream -> outputStream.write(huge))
                .retrieve()
                .toEntity(JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(413);
    }

    private void assertRefused(String path, ObjectNode valid, Consumer<ObjectNode> breakIt, String field) {
        // given
        breakIt.accept(valid);
        long before = mongo.getCollection(path.endsWith("diagnoses") ? "diagnoses" : "assessments")
                .countDocuments(new Document());

        // when
        ResponseEntity<JsonNode> response = http.send("POST", path, valid.toString());

        // then
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors").findValuesAsString("field")).contains(field);
        assertThat(response.getBody().get("errors").findValuesAsString("reason"))
                .allMatch(r -> !r.isBlank());
        assertThat(mongo.getCollection(path.endsWith("diagnoses") ? "diagnoses" : "assessments")
                        .countDocuments(new Document()))
                .isEqualTo(before);
    }
}
