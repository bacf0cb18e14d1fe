package org.footdrop.intake.assessment;

import static org.footdrop.support.testing.SliceRequests.assertRefusedNaming;
import static org.footdrop.support.testing.SliceRequests.send;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.footdrop.intake.IntakeBodies;
import org.footdrop.intake.IntakeConfiguration;
import org.footdrop.intake.diagnosis.SymptomOnsets;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * One case per validation rule of an assessment, through the real controller, JSON reading, bean
 * validation, clinical rules and problem handler: refused with problem+json naming the field, and
 * nothing reaches the store. The stored path is tested end-to-end in ValidationMatrixTest.
 */
@WebMvcTest(AssessmentController.class)
@WebSlice
@Import({IntakeConfiguration.class, WebSlice.OutboxClock.class, AssessmentService.class, AssessmentRecordKind.class})
class AssessmentValidationSliceTest {

    @Autowired
    MockMvcTester mvc;

    // Refused requests never reach the store; each test checks that they did not.
    @MockitoBean
    ClinicalRecords records;

    // The patient's diagnoses, read from the store in the application: none unless a test says so.
    @MockitoBean
    SymptomOnsets onsets;

    @AfterEach
    void nothingStored() {
        verifyNoInteractions(records);
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
                        a -> measures(a).put("gaitSpeedComfortable", new BigDecimal("0.625")),
                        "measures.gaitSpeedComfortable"),
                rule("gait speed too fast", a -> measures(a).put("gaitSpeedFast", 6), "measures.gaitSpeedFast"),
                rule("gait speed negative", a -> measures(a).put("gaitSpeedFast", -0.1), "measures.gaitSpeedFast"),
                rule("gait speed as a string", a -> measures(a).put("gaitSpeedFast", "0.62"), "measures.gaitSpeedFast"),
                rule(
                        "TUG finer than 0.1 s",
                        a -> measures(a).put("timedUpAndGo", new BigDecimal("12.34")),
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
    @MethodSource("assessmentRules")
    void shouldRefuseAssessmentNamingTheField(String rule, Consumer<ObjectNode> breakIt, String field) {
        // given a valid assessment broken by one rule
        ObjectNode assessment = IntakeBodies.validAssessment("pt-" + UUID.randomUUID());
        breakIt.accept(assessment);

        // when / then
        assertRefusedNaming(send(mvc, HttpMethod.POST, "/api/v1/assessments", assessment.toString()), field);
    }

    @Test
    void shouldRefuseAssessmentBeforeTheSymptomOnset() {
        // given a patient whose symptoms began on 2025-11-20
        String patientId = "pt-" + UUID.randomUUID();
        when(onsets.earliestOnset(patientId)).thenReturn(Optional.of(LocalDate.parse("2025-11-20")));
        ObjectNode assessment = IntakeBodies.validAssessment(patientId).put("assessedAt", "2025-11-19T10:00:00Z");

        // when / then
        assertRefusedNaming(send(mvc, HttpMethod.POST, "/api/v1/assessments", assessment.toString()), "assessedAt");
    }

    private static ObjectNode measures(ObjectNode assessment) {
        return (ObjectNode) assessment.get("measures");
    }

    private static Arguments rule(String name, Consumer<ObjectNode> breakIt, String field) {
        return Arguments.of(name, breakIt, field);
    }
}
