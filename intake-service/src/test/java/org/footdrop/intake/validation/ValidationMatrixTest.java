package org.footdrop.intake.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.Document;
import org.footdrop.contract.EventJson;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One case per validation rule of the intake API: the request is refused with problem+json naming
 * the field, and nothing is stored.
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

    static Stream<Arguments> diagnosisRules() {
        return Stream.of(
                rule("patientId missing", d -> d.remove("patientId"), "patientId"),
                rule("patientId an operator", d -> d.put("patientId", "{\"$ne\":null}"), "patientId"),
                rule("patientId too long", d -> d.put("patientId", "p".repeat(65)), "patientId"),
                rule("side not a side", d -> d.put("side", "UP"), "side"),
                rule("bilateral without index side", d -> d.put("side", "BILATERAL"), "indexSide"),
                rule(
                        "index side bilateral",
                        d -> d.put("side", "BILATERAL").put("indexSide", "BILATERAL"),
                        "indexSide"),
                rule("diagnosis in the future", d -> d.put("diagnosisDate", "2999-01-01"), "diagnosisDate"),
                rule("diagnosis date not a date", d -> d.put("diagnosisDate", "02/03/2026"), "diagnosisDate"),
                rule("onset after diagnosis", d -> d.put("symptomOnsetDate", "2026-03-03"), "symptomOnsetDate"),
                rule("onset in the future", d -> d.put("symptomOnsetDate", "2999-01-01"), "symptomOnsetDate"),
                rule("lumbar root without level", d -> d.put("causeCategory", "LUMBAR_NERVE_ROOT"), "nerveRootLevel"),
                rule("cause unknown", d -> d.put("causeCategory", "BAD_LUCK"), "causeCategory"),
                rule("mechanism unknown", d -> d.put("mechanism", "MAGIC"), "mechanism"),
                rule("ICD-10 code malformed", d -> d.putArray("icd10Codes").add("XYZ"), "icd10Codes[0]"),
                rule("birth year in the future", d -> d.put("birthYear", 2999), "birthYear"),
                rule("birth year as a string", d -> d.put("birthYear", "1968"), "birthYear"),
                rule(
                        "imaging without modality",
                        d -> d.putArray("evaluations")
                                .addObject()
                                .put("kind", "IMAGING")
                                .put("finding", "DISC_HERNIATION"),
                        "evaluations[0].modality"),
                rule(
                        "exam with modality",
                        d -> d.putArray("evaluations")
                                .addObject()
                                .put("kind", "PHYSICAL_EXAM")
                                .put("modality", "MRI")
                                .put("finding", "WEAK"),
                        "evaluations[0].modality"),
                rule(
                        "finding not a code",
                        d -> d.putArray("evaluations")
                                .addObject()
                                .put("kind", "PHYSICAL_EXAM")
                                .put("finding", "weak foot"),
                        "evaluations[0].finding"),
                rule(
                        "note too long",
                        d -> d.putArray("evaluations")
                                .addObject()
                                .put("kind", "PHYSICAL_EXAM")
                                .put("finding", "WEAK")
                                .put("note", "n".repeat(501)),
                        "evaluations[0].note"),
                rule("unknown field", d -> d.put("patientName", "Jane Doe"), "patientName"));
    }

    static Stream<Arguments> assessmentRules() {
        return Stream.of(
                rule(
                        "MRC 5+ is not a grade",
                        a -> measures(a).put("mrcAnkleDorsiflexion", "5+"),
                        "measures.mrcAnkleDorsiflexion"),
                rule(
                        "MRC 0- is not a grade",
                        a -> measures(a).put("mrcExtensorHallucisLongus", "0-"),
                        "measures.mrcExtensorHallucisLongus"),
                rule(
                        "MRC 6 is not a grade",
                        a -> measures(a).put("mrcAnkleEversion", "6"),
                        "measures.mrcAnkleEversion"),
                rule(
                        "MRC 4.5 as a number",
                        a -> measures(a).put("mrcAnkleInversion", 4.5),
                        "measures.mrcAnkleInversion"),
                rule("MRC 4 as a number", a -> measures(a).put("mrcHipAbduction", 4), "measures.mrcHipAbduction"),
                rule(
                        "gait speed finer than 0.01",
                        a -> measures(a).put("gaitSpeedComfortable", new java.math.BigDecimal("0.625")),
                        "measures.gaitSpeedComfortable"),
                rule("gait speed too fast", a -> measures(a).put("gaitSpeedFast", 6), "measures.gaitSpeedFast"),
                rule("gait speed negative", a -> measures(a).put("gaitSpeedFast", -0.1), "measures.gaitSpeedFast"),
                rule("gait speed as a string", a -> measures(a).put("gaitSpeedFast", "0.62"), "measures.gaitSpeedFast"),
                rule(
                        "TUG finer than 0.1 s",
                        a -> measures(a).put("timedUpAndGo", new java.math.BigDecimal("12.34")),
                        "measures.timedUpAndGo"),
                rule(
                        "FGA over 30",
                        a -> measures(a).put("functionalGaitAssessment", 31),
                        "measures.functionalGaitAssessment"),
                rule("LEFS over 80", a -> measures(a).put("lefs", 81), "measures.lefs"),
                rule("pain over 10", a -> measures(a).put("painNrs", 11), "measures.painNrs"),
                rule("pain negative", a -> measures(a).put("painNrs", -1), "measures.painNrs"),
                rule("no measure at all", a -> a.putObject("measures"), "measures"),
                rule("measures missing", a -> a.remove("measures"), "measures"),
                rule(
                        "assessed in the future",
                        a -> a.put(
                                "assessedAt",
                                Instant.now().plus(1, ChronoUnit.DAYS).toString()),
                        "assessedAt"),
                rule("kind missing", a -> a.remove("kind"), "kind"),
                rule("kind unknown", a -> a.put("kind", "MIDTERM"), "kind"),
                rule("side missing", a -> a.remove("side"), "side"),
                rule("gait aid without a gait test", a -> a.put("gaitAid", "CANE"), "gaitAid"),
                rule("unknown measure", a -> measures(a).put("gripStrength", 40), "measures.gripStrength"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("diagnosisRules")
    void shouldRefuseDiagnosisNamingTheField(String rule, Consumer<ObjectNode> breakIt, String field) {
        assertRefused("/api/v1/diagnoses", validDiagnosis(), breakIt, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("assessmentRules")
    void shouldRefuseAssessmentNamingTheField(String rule, Consumer<ObjectNode> breakIt, String field) {
        assertRefused("/api/v1/assessments", validAssessment("pt-" + UUID.randomUUID()), breakIt, field);
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
    void shouldRefuseMalformedJsonAsMalformedRequest() {
        ResponseEntity<JsonNode> response = http.send("POST", "/api/v1/diagnoses", "{\"patientId\": ");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("type").asString())
                .isEqualTo("https://footdrop.org/problems/malformed-request");
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

    static ObjectNode validDiagnosis() {
        ObjectNode d = EventJson.mapper().createObjectNode();
        d.put("patientId", "pt-" + UUID.randomUUID());
        d.put("birthYear", 1968);
        d.put("sex", "FEMALE");
        d.put("side", "LEFT");
        d.put("diagnosisDate", "2026-03-02");
        d.put("symptomOnsetDate", "2025-11-20");
        d.put("causeCategory", "FIBULAR_NERVE_AT_KNEE");
        d.put("mechanism", "POSTURAL_COMPRESSION");
        return d;
    }

    static ObjectNode validAssessment(String patientId) {
        ObjectNode a = EventJson.mapper().createObjectNode();
        a.put("patientId", patientId);
        a.put("assessedAt", "2026-03-02T09:00:00Z");
        a.put("kind", "BASELINE");
        a.put("side", "LEFT");
        a.putObject("measures").put("mrcAnkleDorsiflexion", "2");
        return a;
    }

    private static ObjectNode measures(ObjectNode assessment) {
        return (ObjectNode) assessment.get("measures");
    }

    private static Arguments rule(String name, Consumer<ObjectNode> breakIt, String field) {
        return Arguments.of(name, breakIt, field);
    }
}
