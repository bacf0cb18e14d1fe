package org.footdrop.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationResult;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.footdrop.fhir.terminology.Vocabularies;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HAPI's instance validator against the base R4 specification, offline: the structure definitions
 * and value sets come from the validation resources jar, the project's own CodeSystems are added.
 * Its first use loads and indexes the whole specification (seconds), so {@link #warm()} runs at start-up.
 * Each validation is timed ({@code footdrop.fhir.validation}, on /actuator/prometheus) so that its share of
 * a write can be read beside the write's own time; the timer is on Micrometer's global registry, to which
 * Spring Boot adds the application's.
 */
public class ResourceValidator {

    private static final Logger log = LoggerFactory.getLogger(ResourceValidator.class);

    private final FhirValidator validator;
    private final Timer timer = Timer.builder("footdrop.fhir.validation")
            .description("HAPI's instance validation of one resource")
            .register(Metrics.globalRegistry);
    private final Timer waited = Timer.builder("footdrop.fhir.validation.wait")
            .description("Time a batch entry waited for its resource's validation, run ahead of it")
            .register(Metrics.globalRegistry);
    /** The results of resources being validated ahead for the batch this thread carries out. */
    private final ThreadLocal<Map<IBaseResource, CompletableFuture<ValidationResult>>> ahead = new ThreadLocal<>();

    public ResourceValidator(FhirContext context) {
        this.validator = context.newValidator().registerValidatorModule(new PooledInstanceValidator(support(context)));
    }

    /** The base R4 specification from the validation resources jar, the project's CodeSystems beside it. */
    static ValidationSupportChain support(FhirContext context) {
        PrePopulatedValidationSupport ours = new PrePopulatedValidationSupport(context);
        Vocabularies.codeSystems().forEach(ours::addCodeSystem);
        return new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                ours,
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context));
    }

    public ValidationResult validate(IBaseResource resource) {
        Map<IBaseResource, CompletableFuture<ValidationResult>> results = ahead.get();
        CompletableFuture<ValidationResult> result = results == null ? null : results.remove(resource);
        if (result == null) {
            return validateNow(resource);
        }
        long started = System.nanoTime();
        try {
            return result.join();
        } catch (CompletionException failed) {
            // as if validated here: an Error fails the request, not only its entry
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failed.getCause() instanceof Error cause) {
                throw cause;
            }
            throw failed;
        } finally {
            waited.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private ValidationResult validateNow(IBaseResource resource) {
        return timer.record(() -> validator.validateWithResult(resource));
    }

    /**
     * Validates {@code resources} one after another on a thread of the batch's own, while the calling
     * thread carries out the entries before them: a batch's entry otherwise waits for its validation
     * (CPU) and then for its service (mostly waiting), one entry after the other. Validation reads nothing
     * but the resource, so its result is the same ahead of time; {@link #validate} on the calling thread
     * takes each resource's result. Closing the scope drops what was not taken.
     */
    public Ahead validateAhead(List<? extends IBaseResource> resources) {
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread validating = new Thread(runnable, "fhir-validation-ahead");
            validating.setDaemon(true);
            return validating;
        });
        // only the batch's thread reads and changes the map; the futures carry the results across
        Map<IBaseResource, CompletableFuture<ValidationResult>> results = new IdentityHashMap<>();
        for (IBaseResource resource : resources) {
            results.put(resource, CompletableFuture.supplyAsync(() -> validateNow(resource), thread));
        }
        ahead.set(results);
        return new Ahead(results, thread);
    }

    /**
     * The scope of a batch's validation ahead. An entry settled without its validation (a conditional
     * create's match, a refusal before it) is {@link #passed}, so that its validation, not yet started,
     * is skipped rather than run before the next entry's.
     */
    public final class Ahead implements AutoCloseable {

        private final Map<IBaseResource, CompletableFuture<ValidationResult>> results;
        private final ExecutorService thread;

        private Ahead(Map<IBaseResource, CompletableFuture<ValidationResult>> results, ExecutorService thread) {
            this.results = results;
            this.thread = thread;
        }

        /** The entry of this resource is answered: its validation is no longer wanted. */
        public void passed(IBaseResource resource) {
            CompletableFuture<ValidationResult> unused = resource == null ? null : results.remove(resource);
            if (unused != null) {
                unused.cancel(false);
            }
        }

        @Override
        public void close() {
            ahead.remove();
            results.values().forEach(result -> result.cancel(false));
            thread.shutdown(); // not interrupted: a validator in use goes back to the pool whole
        }
    }

    /** Refuses a resource the validator finds an error in: 422 with the validator's own issues. */
    public void require(IBaseResource resource) {
        ValidationResult result = validate(resource);
        if (!result.isSuccessful()) {
            throw new UnprocessableEntityException(
                    "the resource does not conform to FHIR R4", result.toOperationOutcome());
        }
    }

    /**
     * Validates one small resource of each type the facade accepts, so that no first caller pays for
     * loading the specification or a type's definitions and bindings (each type's first validation
     * costs far more than the next).
     */
    public Duration warm() {
        long started = System.nanoTime();
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(Vocabularies.PATIENT_ID_SYSTEM).setValue("warm-up");
        validate(patient);
        Reference subject = new Reference("Patient/warm-up");
        validate(new Condition()
                .setSubject(subject)
                .setCode(new CodeableConcept(new Coding(Vocabularies.ICD_10_CM, "M21.372", null))));
        validate(new Procedure().setStatus(Procedure.ProcedureStatus.COMPLETED).setSubject(subject));
        Observation observation = new Observation()
                .setStatus(Observation.ObservationStatus.FINAL)
                .setCode(new CodeableConcept().setText("warm-up"))
                .setSubject(subject);
        observation.setValue(new Quantity()
                .setValue(1.2)
                .setUnit("m/s")
                .setSystem(Vocabularies.UCUM)
                .setCode("m/s"));
        validate(observation);
        validate(new ServiceRequest()
                .setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
                .setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
                .setSubject(subject));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("FHIR validator warm after {} ms", took.toMillis());
        return took;
    }
}
