package org.footdrop.fhir.observation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.util.Map;
import org.footdrop.contract.vocabulary.Sex;
import org.footdrop.fhir.Conformance;
import org.footdrop.fhir.patient.FhirPatient;
import org.footdrop.fhir.server.ResourceValidator;
import org.footdrop.fhir.terminology.MrcGrades;
import org.footdrop.fhir.terminology.Vocabularies;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An assessment as intake-service answers it, as an Observation panel and back, checked by the validator. */
class ObservationMappingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FhirPatient PATIENT = new FhirPatient("fd-pt-000123", 1968, Sex.FEMALE, 1);
    private static final String ASSESSMENT = """
            {"assessmentId": "6f1c1c1e-6a55-4d53-9d0e-0d9a3c1d2f10", "revision": 1, "status": "ACTIVE",
             "patientId": "fd-pt-000123", "assessedAt": "2026-03-02T09:30:00Z", "kind": "BASELINE",
             "side": "LEFT",
             "measures": {"mrcAnkleDorsiflexion": "2+", "mrcExtensorHallucisLongus": "2",
                          "gaitSpeedComfortable": 0.62, "timedUpAndGo": 14.3,
                          "functionalGaitAssessment": 14, "lefs": 38, "painNrs": 3},
             "gaitAid": "ANKLE_FOOT_ORTHOSIS", "steppageGait": true, "footSlap": false, "toeDrag": true}
            """;

    private static ResourceValidator validator;
    private final ObservationMapping mapping = new ObservationMapping();

    @BeforeAll
    static void warm() {
        validator = new ResourceValidator(FhirContext.forR4Cached());
    }

    private static JsonNode assessment() {
        return JSON.readTree(ASSESSMENT);
    }

    private Observation observation() {
        return mapping.toFhir(assessment(), "1", PATIENT.fhirId(), null);
    }

    private static void assertValid(Observation observation) {
        Conformance.assertValid(validator, observation);
    }

    private static Quantity quantity(Observation observation, String measure) {
        return observation.getComponent().stream()
                .filter(component ->
                        component.getCode().getCodingFirstRep().getCode().equals(measure))
                .findFirst()
                .orElseThrow()
                .getValueQuantity();
    }

    @Test
    void shouldAnswerAnAssessmentAsAValidPanelWithUcumQuantitiesAndCodedGrades() {
        Observation observation = observation();

        assertThat(observation.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        assertThat(observation.getCode().getCodingFirstRep().getSystem()).isEqualTo(Vocabularies.ASSESSMENT_KIND.url());
        assertThat(observation.getCode().getCodingFirstRep().getCode()).isEqualTo("BASELINE");
        assertThat(observation.getEffectiveDateTimeType().getValue())
                .isEqualTo(new DateTimeType("2026-03-02T09:30:00Z").getValue());
        assertThat(observation.getComponent()).hasSize(7);
        CodeableConcept grade = observation.getComponentFirstRep().getValueCodeableConcept();
        assertThat(grade.getCodingFirstRep().getSystem()).isEqualTo(MrcGrades.URL);
        assertThat(grade.getCodingFirstRep().getCode()).isEqualTo("2+");
        assertThat(quantity(observation, "GAIT_SPEED_COMFORTABLE").getCode()).isEqualTo("m/s");
        assertThat(quantity(observation, "GAIT_SPEED_COMFORTABLE").getValue()).isEqualByComparingTo("0.62");
        assertThat(quantity(observation, "TIMED_UP_AND_GO").getCode()).isEqualTo("s");
        assertThat(quantity(observation, "LEFS").getCode()).isEqualTo("{score}");
        assertThat(observation.getExtensionByUrl(ObservationMapping.GAIT_AID).getValue())
                .hasFieldOrPropertyWithValue("code", "ANKLE_FOOT_ORTHOSIS");
        assertValid(observation);
    }

    @Test
    void shouldTakeBackWhatItAnswers() {
        Map<String, Object> own = mapping.toOwn(observation(), PATIENT);

        assertThat(own)
                .containsEntry("patientId", "fd-pt-000123")
                .containsEntry("assessedAt", "2026-03-02T09:30:00Z")
                .containsEntry("kind", "BASELINE")
                .containsEntry("side", "LEFT")
                .containsEntry("gaitAid", "ANKLE_FOOT_ORTHOSIS")
                .containsEntry("steppageGait", true)
                .containsEntry("footSlap", false)
                .containsEntry("toeDrag", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> measures = (Map<String, Object>) own.get("measures");
        assertThat(measures)
                .containsEntry("mrcAnkleDorsiflexion", "2+")
                .containsEntry("mrcExtensorHallucisLongus", "2")
                .containsEntry("functionalGaitAssessment", 14)
                .containsEntry("lefs", 38)
                .containsEntry("painNrs", 3)
                .hasSize(7);
        assertThat((BigDecimal) measures.get("gaitSpeedComfortable")).isEqualByComparingTo("0.62");
        assertThat((BigDecimal) measures.get("timedUpAndGo")).isEqualByComparingTo("14.3");
    }

    @Test
    void shouldMarkAVoidedAssessmentEnteredInErrorAndAnAmendedOneAmended() {
        JsonNode voided = JSON.readTree(ASSESSMENT.replace("\"ACTIVE\"", "\"VOIDED\""));
        JsonNode amended = JSON.readTree(ASSESSMENT.replace("\"revision\": 1", "\"revision\": 2"));

        Observation voidedObservation = mapping.toFhir(voided, "2", PATIENT.fhirId(), null);
        assertThat(voidedObservation.getStatus()).isEqualTo(Observation.ObservationStatus.ENTEREDINERROR);
        assertThat(mapping.toFhir(amended, "2", PATIENT.fhirId(), null).getStatus())
                .isEqualTo(Observation.ObservationStatus.AMENDED);
        assertValid(voidedObservation);
    }

    @Test
    void shouldRefuseAGaitSpeedInAnotherUnitNamingTheComponent() {
        Observation observation = observation();
        quantity(observation, "GAIT_SPEED_COMFORTABLE").setCode("km/h").setUnit("km/h");

        assertRefused(observation, "Observation.component[2].value");
    }

    @Test
    void shouldRefuseAnMrcGradeOutsideTheScale() {
        Observation observation = observation();
        observation
                .getComponentFirstRep()
                .getValueCodeableConcept()
                .getCodingFirstRep()
                .setCode("5+");

        assertRefused(observation, "Observation.component[0].value");
    }

    @Test
    void shouldRefuseAMeasureOutsideTheVocabularyAndATimeWithoutTimeOfDay() {
        Observation unknown = observation();
        unknown.getComponentFirstRep().getCode().getCodingFirstRep().setCode("GRIP_STRENGTH");
        Observation dateOnly = observation();
        dateOnly.setEffective(new DateTimeType("2026-03-02"));

        assertRefused(unknown, "Observation.component[0].code");
        assertRefused(dateOnly, "Observation.effective");
    }

    @Test
    void shouldPointAnOwnApiFieldErrorAtTheMeasuresComponent() {
        assertThat(mapping.fhirPath("measures.lefs"))
                .isEqualTo("Observation.component.where(code.coding.code = 'LEFS').value");
        assertThat(mapping.fhirPath("assessedAt")).isEqualTo("Observation.effective");
        // "at least one measure is required"
        assertThat(mapping.fhirPath("measures")).isEqualTo("Observation.component");
    }

    private void assertRefused(Observation observation, String expression) {
        Conformance.assertRefusedAt(() -> mapping.toOwn(observation, PATIENT), expression);
    }
}
