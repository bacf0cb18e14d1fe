package org.footdrop.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pooled validator finds exactly what HAPI's own finds, resource after resource on the same
 * reused core validator: the same issues at the same severity, place and wording, for resources that
 * conform and for resources with a wrong code, a wrong unit, a missing required element and an
 * OID system.
 */
class PooledInstanceValidatorTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String BASE = "https://footdrop.org/fhir";

    private static final String PATIENT = """
            {"resourceType":"Patient","identifier":[{"system":"%s/sid/patient-id","value":"p-1"}],\
            "gender":"female","birthDate":"1968"}""".formatted(BASE);
    private static final String CONDITION = """
            {"resourceType":"Condition","subject":{"reference":"Patient/p-1"},\
            "extension":[{"url":"%1$s/StructureDefinition/mechanism",\
            "valueCoding":{"system":"%1$s/CodeSystem/mechanism","code":"POSTURAL_COMPRESSION"}}],\
            "category":[{"coding":[{"system":"%1$s/CodeSystem/cause-category","code":"FIBULAR_NERVE_AT_KNEE"}]}],\
            "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"M21.372"}]},\
            "bodySite":[{"coding":[{"system":"%1$s/CodeSystem/side","code":"%2$s"}]}],\
            "onsetDateTime":"2025-11-20","recordedDate":"2026-03-02"}""";
    private static final String PROCEDURE = """
            {"resourceType":"Procedure","extension":[{"url":"%1$s/StructureDefinition/volume",\
            "valueQuantity":{"value":10.5,"unit":"mL","system":"http://unitsofmeasure.org","code":"%2$s"}}],\
            "status":"completed","subject":{"reference":"Patient/p-1"},\
            "code":{"coding":[{"system":"%1$s/CodeSystem/injection-technique","code":"NERVE_HYDRODISSECTION"},\
            {"system":"http://www.ama-assn.org/go/cpt","code":"64450"}]},\
            "performedDateTime":"2026-03-02T10:05:00Z",\
            "usedCode":[{"coding":[{"system":"%1$s/CodeSystem/solution","code":"DEXTROSE_5"}]}]}""";

    /** Each case by name; the bad ones must be found bad (else the comparison proves little). */
    private static final Map<String, String> CASES = Map.of(
            "patient",
            PATIENT,
            "condition",
            CONDITION.formatted(BASE, "LEFT"),
            "condition with a side outside the closed vocabulary",
            CONDITION.formatted(BASE, "MIDDLE"),
            "procedure",
            PROCEDURE.formatted(BASE, "mL"),
            "procedure with a volume in a unit UCUM does not have",
            PROCEDURE.formatted(BASE, "millilitre"),
            "observation without its required status and code",
            """
            {"resourceType":"Observation","subject":{"reference":"Patient/p-1"},\
            "valueQuantity":{"value":1.2,"unit":"m/s","system":"http://unitsofmeasure.org","code":"m/s"}}""",
            "condition coded in an OID system",
            """
            {"resourceType":"Condition","subject":{"reference":"Patient/p-1"},\
            "code":{"coding":[{"system":"urn:oid:2.16.840.1.113883.6.96","code":"6151003"}]}}""");

    private static final List<String> BAD = List.of(
            "condition with a side outside the closed vocabulary",
            "procedure with a volume in a unit UCUM does not have",
            "observation without its required status and code");

    private static FhirValidator hapis;
    private static FhirValidator pooled;
    private static PooledInstanceValidator module;

    @BeforeAll
    static void validators() {
        ValidationSupportChain support = ResourceValidator.support(FHIR);
        hapis = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
        module = new PooledInstanceValidator(support);
        pooled = FHIR.newValidator().registerValidatorModule(module);
    }

    @Test
    void shouldFindWhatHapisOwnValidatorFindsResourceAfterResource() {
        for (int round = 0; round < 3; round++) {
            for (Map.Entry<String, String> c : CASES.entrySet()) {
                IBaseResource resource = FHIR.newJsonParser().parseResource(c.getValue());
                assertThat(issues(pooled, resource)).as(c.getKey()).isEqualTo(issues(hapis, resource));
            }
        }
    }

    @Test
    void shouldStillRefuseAWrongCodeAWrongUnitAndAMissingElement() {
        for (String bad : BAD) {
            IBaseResource resource = FHIR.newJsonParser().parseResource(CASES.get(bad));
            assertThat(pooled.validateWithResult(resource).isSuccessful())
                    .as(bad)
                    .isFalse();
        }
        IBaseResource side = FHIR.newJsonParser().parseResource(CONDITION.formatted(BASE, "MIDDLE"));
        assertThat(pooled.validateWithResult(side).getMessages()).anySatisfy(message -> {
            assertThat(message.getSeverity()).isEqualTo(ResultSeverityEnum.ERROR);
            assertThat(message.getMessage()).contains("MIDDLE");
        });
        for (String good : List.of("patient", "condition", "procedure")) {
            IBaseResource resource = FHIR.newJsonParser().parseResource(CASES.get(good));
            assertThat(pooled.validateWithResult(resource).isSuccessful())
                    .as(good)
                    .isTrue();
        }
    }

    @Test
    void shouldGiveAValidatorPastItsUsesTheSameAnswers() {
        IBaseResource bad = FHIR.newJsonParser().parseResource(CASES.get(BAD.get(0)));
        List<String> expected = issues(hapis, bad);
        for (int i = 0; i <= PooledInstanceValidator.USES; i++) {
            if (i % 10 == 0 || i == PooledInstanceValidator.USES) {
                assertThat(issues(pooled, bad)).as("use " + i).isEqualTo(expected);
            } else {
                pooled.validateWithResult(FHIR.newJsonParser().parseResource(PATIENT));
            }
        }
    }

    /**
     * HAPI's core validator holds every coding it checked, with the resource's element tree; a validator
     * kept for 2,000 resources must let go of them, and must find them where it clears them in this HAPI.
     */
    @Test
    void shouldKeepNothingOfTheResourcesAValidatorChecked() {
        assertThat(CheckedCodings.CLEARABLE).as("HAPI's checked codings found").isTrue();
        for (int i = 0; i < 5; i++) {
            pooled.validateWithResult(FHIR.newJsonParser().parseResource(CASES.get("procedure")));
            pooled.validateWithResult(FHIR.newJsonParser().parseResource(CASES.get("condition")));
        }
        assertThat(module.heldCodings()).isZero();
    }

    private static List<String> issues(FhirValidator validator, IBaseResource resource) {
        return validator.validateWithResult(resource).getMessages().stream()
                .map(m -> m.getSeverity() + " " + m.getLocationString() + " " + m.getMessageId() + " " + m.getMessage())
                .toList();
    }
}
