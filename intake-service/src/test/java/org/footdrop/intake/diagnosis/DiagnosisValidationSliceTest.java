package org.footdrop.intake.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.footdrop.support.testing.SliceRequests.assertRefusedNaming;
import static org.footdrop.support.testing.SliceRequests.body;
import static org.footdrop.support.testing.SliceRequests.send;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.footdrop.contract.EventJson;
import org.footdrop.intake.IntakeBodies;
import org.footdrop.intake.IntakeConfiguration;
import org.footdrop.support.record.ClinicalRecords;
import org.footdrop.support.testing.WebSlice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One case per validation rule of a diagnosis, through the real controller, JSON reading, bean
 * validation, clinical rules and problem handler: refused with problem+json naming the field, and
 * nothing reaches the store. The stored path is tested end-to-end in ValidationMatrixTest.
 */
@WebMvcTest(DiagnosisController.class)
@WebSlice
@Import({IntakeConfiguration.class, WebSlice.OutboxClock.class, DiagnosisService.class, DiagnosisRecordKind.class})
class DiagnosisValidationSliceTest {

    @Autowired
    MockMvcTester mvc;

    // Refused requests never reach the store; each test checks that they did not.
    @MockitoBean
    ClinicalRecords records;

    @AfterEach
    void nothingStored() {
        verifyNoInteractions(records);
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("diagnosisRules")
    void shouldRefuseDiagnosisNamingTheField(String rule, Consumer<ObjectNode> breakIt, String field) {
        // given a valid diagnosis broken by one rule
        ObjectNode diagnosis = IntakeBodies.validDiagnosis();
        breakIt.accept(diagnosis);

        // when
        MvcTestResult response = send(mvc, HttpMethod.POST, "/api/v1/diagnoses", diagnosis.toString());

        // then
        assertRefusedNaming(response, field);
    }

    @Test
    void shouldRefuseTheSameRulesWhenADiagnosisIsAmended() {
        // given an amendment breaking a cross-field rule
        ObjectNode diagnosis = IntakeBodies.validDiagnosis().put("side", "BILATERAL");

        // when
        MvcTestResult response = send(
                mvc,
                HttpMethod.PUT,
                "/api/v1/diagnoses/" + UUID.randomUUID(),
                diagnosis.toString(),
                "If-Match",
                "\"1\"");

        // then
        assertRefusedNaming(response, "indexSide");
    }

    @Test
    void shouldListEveryBadFieldAsProblemJson() {
        // given a body with a smuggled operator, a missing cause and a future date
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("patientId", "{\"$ne\":null}");
        body.put("side", "BILATERAL");
        body.put("diagnosisDate", "2999-01-01");

        // when
        MvcTestResult response = send(mvc, HttpMethod.POST, "/api/v1/diagnoses", body.toString());

        // then every field is named in one validation problem
        JsonNode problem = assertRefusedNaming(response, "patientId");
        assertThat(problem.get("type").asString()).isEqualTo("https://footdrop.org/problems/validation");
        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("causeCategory", "diagnosisDate", "patientId");
    }

    @Test
    void shouldRejectAnUnknownFieldNamingIt() {
        ObjectNode body = IntakeBodies.validDiagnosis().put("patientName", "must never be stored");

        JsonNode problem =
                assertRefusedNaming(send(mvc, HttpMethod.POST, "/api/v1/diagnoses", body.toString()), "patientName");

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("patientName");
        assertThat(problem.get("errors").get(0).get("reason").asString()).isEqualTo("unknown field");
    }

    @Test
    void shouldRefuseMalformedJsonAsMalformedRequest() {
        MvcTestResult response = send(mvc, HttpMethod.POST, "/api/v1/diagnoses", "{\"patientId\": ");

        assertThat(response).hasStatus(400);
        assertThat(body(response).get("type").asString()).isEqualTo("https://footdrop.org/problems/malformed-request");
    }

    private static Arguments rule(String name, Consumer<ObjectNode> breakIt, String field) {
        return Arguments.of(name, breakIt, field);
    }
}
