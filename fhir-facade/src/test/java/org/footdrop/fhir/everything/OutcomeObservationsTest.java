package org.footdrop.fhir.everything;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.util.List;
import org.footdrop.fhir.Conformance;
import org.footdrop.fhir.server.ResourceValidator;
import org.footdrop.fhir.terminology.DerivedOutcome;
import org.footdrop.fhir.terminology.Vocabularies;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** outcomes-service's own documented answer (its committed OpenAPI example) as derived Observations. */
class OutcomeObservationsTest {

    private static JsonNode view;
    private static ResourceValidator validator;

    @BeforeAll
    static void readTheServicesExample() {
        JsonNode api = JsonMapper.builder()
                .build()
                .readTree(Path.of("../docs/api/outcomes-service.json").toFile());
        view = api.path("paths")
                .path("/api/v1/patients/{patientId}/outcomes")
                .path("get")
                .path("responses")
                .path("200")
                .path("content")
                .path("application/json")
                .path("examples")
                .path("realistic")
                .path("value");
        assertThat(view.path("measures").isObject()).isTrue();
        validator = new ResourceValidator(FhirContext.forR4Cached());
    }

    private static List<Observation> of(DerivedOutcome kind, List<Observation> all) {
        return all.stream()
                .filter(o -> o.getMethod().getCodingFirstRep().getCode().equals(kind.name()))
                .toList();
    }

    @Test
    void shouldDeriveBaselineWindowChangeResponderAndTimeToResponseFromTheSourceAssessments() {
        List<Observation> derived = OutcomeObservations.of(view, "patient-fhir-id");

        Observation baseline = of(DerivedOutcome.BASELINE, derived).get(0);
        Observation change = of(DerivedOutcome.CHANGE, derived).get(0);
        Observation responder = of(DerivedOutcome.RESPONDER, derived).get(0);
        Observation time = of(DerivedOutcome.TIME_TO_RESPONSE, derived).get(0);
        assertThat(baseline.getCode().getCodingFirstRep().getSystem()).isEqualTo(Vocabularies.MEASURE.url());
        assertThat(baseline.getCode().getCodingFirstRep().getCode()).isEqualTo("GAIT_SPEED_COMFORTABLE");
        assertThat(baseline.getValueQuantity().getValue()).isEqualByComparingTo("0.62");
        assertThat(baseline.getDerivedFrom())
                .extracting(Reference::getReference)
                .containsExactly("Observation/8e3b1f4c-2a6d-4b9e-8f1a-7c5d3e9b2a41");
        assertThat(change.getValueQuantity().getValue()).isEqualByComparingTo("0.1");
        assertThat(change.getExtensionByUrl(OutcomeObservations.WINDOW)
                        .getValue()
                        .primitiveValue())
                .isEqualTo("WEEK_6");
        assertThat(change.getDerivedFrom())
                .extracting(Reference::getReference)
                .containsExactly(
                        "Observation/8e3b1f4c-2a6d-4b9e-8f1a-7c5d3e9b2a41",
                        "Observation/2a6d4b9e-8f1a-7c5d-3e9b-8e3b1f4c2a41");
        assertThat(responder.getValueBooleanType().booleanValue()).isTrue();
        assertThat(responder.getNoteFirstRep().getText()).contains("threshold 0.1");
        assertThat(time.getValueQuantity().getValue()).isEqualByComparingTo("42");
        assertThat(time.getValueQuantity().getCode()).isEqualTo("d");
        assertThat(time.getDerivedFrom()).hasSize(3);
    }

    @Test
    void shouldLeaveOutAMeasureTheServiceExcludes() {
        List<Observation> derived = OutcomeObservations.of(view, "patient-fhir-id");

        assertThat(derived)
                .extracting(o -> o.getCode().getCodingFirstRep().getCode())
                .doesNotContain("LEFS");
    }

    @Test
    void shouldEmitOnlyValidObservationsWithStableIds() {
        List<Observation> derived = OutcomeObservations.of(view, "patient-fhir-id");
        List<Observation> again = OutcomeObservations.of(view, "patient-fhir-id");

        assertThat(derived)
                .extracting(Observation::getId)
                .containsExactlyElementsOf(
                        again.stream().map(Observation::getId).toList());
        assertThat(derived).extracting(Observation::getId).doesNotHaveDuplicates();
        for (Observation observation : derived) {
            Conformance.assertValid(validator, observation);
        }
    }
}
