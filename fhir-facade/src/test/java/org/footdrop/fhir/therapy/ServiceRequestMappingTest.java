package org.footdrop.fhir.therapy;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.Map;
import org.footdrop.contract.vocabulary.Sex;
import org.footdrop.fhir.Conformance;
import org.footdrop.fhir.patient.FhirPatient;
import org.footdrop.fhir.server.ResourceValidator;
import org.footdrop.fhir.terminology.Vocabularies;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A therapy prescription as treatment-service answers it, as a ServiceRequest and back, checked by the validator. */
class ServiceRequestMappingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FhirPatient PATIENT = new FhirPatient("fd-pt-000123", 1968, Sex.FEMALE, 1);
    private static final String ENERGY = """
            {"therapyId": "0b7d6f0e-3f55-4b8e-9a51-5d1c7a0e2a11", "revision": 1, "status": "ACTIVE",
             "identifier": {"system": "urn:example:clinic-a:therapy", "value": "rx-1"},
             "patientId": "fd-pt-000123", "type": "ENERGY_MODALITY", "modality": "SHOCKWAVE",
             "startDate": "2026-03-09", "sessionsPerWeek": 2, "plannedWeeks": 6,
             "plannedSessions": 12, "loggedSessions": 0, "attendedSessions": 0, "adherence": 0}
            """;
    private static final String PHYSICAL = """
            {"therapyId": "5a0c1f7e-2b1d-4c1a-8e0f-7b6a5c4d3e21", "revision": 2, "status": "VOIDED",
             "patientId": "fd-pt-000123", "type": "PHYSICAL_THERAPY",
             "startDate": "2026-03-09", "sessionsPerWeek": 3, "endDate": "2026-05-01"}
            """;

    private static ResourceValidator validator;
    private final ServiceRequestMapping mapping = new ServiceRequestMapping();

    @BeforeAll
    static void warm() {
        validator = new ResourceValidator(FhirContext.forR4Cached());
    }

    private ServiceRequest serviceRequest(String therapy) {
        Identifier identifier =
                new Identifier().setSystem("urn:example:clinic-a:therapy").setValue("rx-1");
        ServiceRequest request = mapping.toFhir(JSON.readTree(therapy), "1", PATIENT.fhirId(), identifier);
        request.setId("0b7d6f0e-3f55-4b8e-9a51-5d1c7a0e2a11");
        return request;
    }

    private static void assertValid(ServiceRequest request) {
        Conformance.assertValid(validator, request);
    }

    @Test
    void shouldAnswerAPrescriptionAsAValidOrderWithItsTiming() {
        ServiceRequest request = serviceRequest(ENERGY);

        assertThat(request.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
        assertThat(request.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.ORDER);
        assertThat(request.getCode().getCodingFirstRep().getSystem()).isEqualTo(Vocabularies.THERAPY_TYPE.url());
        assertThat(request.getCode().getCodingFirstRep().getCode()).isEqualTo("ENERGY_MODALITY");
        assertThat(request.getOrderDetailFirstRep().getCodingFirstRep().getCode())
                .isEqualTo("SHOCKWAVE");
        Timing.TimingRepeatComponent repeat = request.getOccurrenceTiming().getRepeat();
        assertThat(repeat.getFrequency()).isEqualTo(2);
        assertThat(repeat.getPeriodUnit()).isEqualTo(Timing.UnitsOfTime.WK);
        assertThat(repeat.getBoundsPeriod().getStartElement().getValueAsString())
                .isEqualTo("2026-03-09");
        assertThat(repeat.getBoundsPeriod().hasEnd()).isFalse();
        assertThat(request.getExtensionByUrl(ServiceRequestMapping.PLANNED_WEEKS)
                        .getValue()
                        .primitiveValue())
                .isEqualTo("6");
        assertValid(request);
    }

    @Test
    void shouldAnswerAVoidedPrescriptionEnteredInErrorWithItsEndDate() {
        ServiceRequest request = serviceRequest(PHYSICAL);

        assertThat(request.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ENTEREDINERROR);
        assertThat(request.getOccurrenceTiming()
                        .getRepeat()
                        .getBoundsPeriod()
                        .getEndElement()
                        .getValueAsString())
                .isEqualTo("2026-05-01");
        assertThat(request.hasOrderDetail()).isFalse();
        assertValid(request);
    }

    @Test
    void shouldTakeBackWhatItAnswers() {
        Map<String, Object> energy = mapping.toOwn(serviceRequest(ENERGY), PATIENT);
        ServiceRequest physical = serviceRequest(PHYSICAL);
        physical.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);

        assertThat(energy)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "patientId", "fd-pt-000123",
                        "type", "ENERGY_MODALITY",
                        "modality", "SHOCKWAVE",
                        "sessionsPerWeek", 2,
                        "startDate", "2026-03-09",
                        "plannedWeeks", 6));
        assertThat(mapping.toOwn(physical, PATIENT))
                .containsEntry("endDate", "2026-05-01")
                .doesNotContainKeys("plannedWeeks", "modality");
    }

    @Test
    void shouldRefuseATherapyTypeOutsideOurVocabularyNamingTheElement() {
        ServiceRequest request = serviceRequest(ENERGY);
        request.getCode().getCodingFirstRep().setCode("ACUPUNCTURE");

        assertRefusedAt(request, "ServiceRequest.code");
    }

    @Test
    void shouldRefuseAFrequencyThatIsNotSessionsAWeek() {
        ServiceRequest request = serviceRequest(ENERGY);
        request.getOccurrenceTiming().getRepeat().setPeriodUnit(Timing.UnitsOfTime.D);

        assertRefusedAt(request, "ServiceRequest.occurrence.repeat");
    }

    @Test
    void shouldRefuseAPrescriptionThatIsNotAnActiveOrder() {
        ServiceRequest plan = serviceRequest(ENERGY);
        plan.setIntent(ServiceRequest.ServiceRequestIntent.PLAN);
        ServiceRequest done = serviceRequest(ENERGY);
        done.setStatus(ServiceRequest.ServiceRequestStatus.COMPLETED);

        assertRefusedAt(plan, "ServiceRequest.intent");
        assertRefusedAt(done, "ServiceRequest.status");
    }

    @Test
    void shouldPointTreatmentServicesFieldErrorsAtTheirElements() {
        assertThat(mapping.fhirPath("modality")).isEqualTo("ServiceRequest.orderDetail");
        assertThat(mapping.fhirPath("endDate")).isEqualTo("ServiceRequest.occurrence.repeat.bounds.end");
        assertThat(mapping.fhirPath("plannedWeeks"))
                .isEqualTo("ServiceRequest.extension('" + ServiceRequestMapping.PLANNED_WEEKS + "')");
    }

    @Test
    void shouldServeTheTherapyVocabulariesAsCodeSystems() {
        assertThat(Vocabularies.codeSystem("therapy-type")).isPresent();
        assertThat(Vocabularies.codeSystem("energy-modality").orElseThrow().getConcept())
                .extracting(CodeSystem.ConceptDefinitionComponent::getCode)
                .contains("SHOCKWAVE", "LASER");
    }

    private void assertRefusedAt(ServiceRequest request, String path) {
        Conformance.assertRefusedAt(() -> mapping.toOwn(request, PATIENT), path);
    }
}
