package org.footdrop.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A batch's resources validated ahead, on a thread of their own: each is validated once, before the
 * batch's thread asks for it, and the batch's thread gets the same answer as validating it then.
 */
class ValidationAheadTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String PATIENT = """
            {"resourceType":"Patient","identifier":[{"system":"https://footdrop.org/fhir/sid/patient-id",\
            "value":"p-%s"}],"gender":"female","birthDate":"1968"}""";
    /** No status and no code: both are required. */
    private static final String BAD_OBSERVATION = """
            {"resourceType":"Observation","subject":{"reference":"Patient/p-1"}}""";

    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();
    private static ResourceValidator validator;

    @BeforeAll
    static void warm() {
        Metrics.addRegistry(METERS); // the global registry counts nothing without one
        validator = new ResourceValidator(FHIR);
        validator.warm();
    }

    @Test
    void shouldValidateEachResourceOnceAheadAndAnswerAsValidatingItThen() {
        List<IBaseResource> resources =
                List.of(parse(PATIENT.formatted(1)), parse(BAD_OBSERVATION), parse(PATIENT.formatted(2)));
        List<List<String>> expected = resources.stream()
                .map(resource -> issues(validator.validate(resource)))
                .toList();
        long before = validations();
        try (ResourceValidator.Ahead ahead = validator.validateAhead(resources)) {
            // validated without anybody asking
            await().atMost(Duration.ofSeconds(30)).until(() -> validations() - before == resources.size());
            for (int i = 0; i < resources.size(); i++) {
                ValidationResult result = validator.validate(resources.get(i));
                assertThat(issues(result)).as("resource " + i).isEqualTo(expected.get(i));
                assertThat(result.isSuccessful()).isEqualTo(i != 1);
            }
        }
        assertThat(validations() - before).as("each validated once").isEqualTo(resources.size());
    }

    @Test
    void shouldValidateAResourceThenOnceTheBatchIsOver() {
        IBaseResource patient = parse(PATIENT.formatted(3));
        try (ResourceValidator.Ahead ahead = validator.validateAhead(List.of(patient))) {
            assertThat(validator.validate(patient).isSuccessful()).isTrue();
        }
        long before = validations();
        assertThat(validator.validate(patient).isSuccessful()).isTrue();
        assertThat(validations() - before).isEqualTo(1);
    }

    /** Entries settled without their validation (a conditional create's match) do not hold up the next. */
    @Test
    void shouldSkipTheValidationOfEntriesPassedWithoutIt() {
        List<IBaseResource> resources = java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> parse(PATIENT.formatted("passed-" + i)))
                .toList();
        long before = validations();
        try (ResourceValidator.Ahead ahead = validator.validateAhead(resources)) {
            resources.subList(0, 39).forEach(ahead::passed);
            assertThat(validator.validate(resources.get(39)).isSuccessful()).isTrue();
        }
        // in order on one thread: without the skips, all 40 are validated before the last one's answer
        assertThat(validations() - before).isLessThan(resources.size());
    }

    @AfterAll
    static void removeMeters() {
        Metrics.removeRegistry(METERS);
    }

    private static long validations() {
        Timer timer = METERS.find("footdrop.fhir.validation").timer();
        return timer == null ? 0 : timer.count();
    }

    private static IBaseResource parse(String json) {
        return FHIR.newJsonParser().parseResource(json);
    }

    private static List<String> issues(ValidationResult result) {
        return result.getMessages().stream()
                .map(SingleValidationMessage::toString)
                .toList();
    }
}
