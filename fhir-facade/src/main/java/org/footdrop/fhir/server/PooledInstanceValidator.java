package org.footdrop.fhir.server;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.validation.IValidationContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.utils.XVerExtensionManager;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HAPI's instance validator with its core validator kept between calls. HAPI 8.4 builds a new
 * {@link InstanceValidator} for every resource, and each one parses the 1.5 MB OID registry
 * ({@code oidregistry.csv}) and builds a FHIRPath engine: measured here, three quarters of a small
 * resource's validation time. The checks are the core validator's own, set up as HAPI's
 * {@code ValidatorWrapper} sets them up, and its messages are filtered as HAPI filters them; only the
 * construction is shared. The core validator clears its per-resource state (fetch cache, resource
 * tracker, tracked messages) at the start of each validation; what it keeps across validations is
 * cleared here ({@link Reusable#reset()}) or bounded by retiring a validator after {@link #USES} uses.
 * A resource that names profiles, or comes as XML, goes through HAPI's own path unchanged.
 */
class PooledInstanceValidator extends FhirInstanceValidator {

    private static final Logger log = LoggerFactory.getLogger(PooledInstanceValidator.class);

    /** Idle validators kept: one a core. A caller that finds none idle builds its own. */
    private static final int IDLE = 2;

    /**
     * A validator is retired after this many resources. The core validator keeps what it parsed of
     * the resources it validated (about 100 KB each, measured on P7's Conditions and Procedures), so a
     * validator kept for a thousand filled the 384 MiB heap; 50 keep it to a few MiB, and the registry
     * is still parsed for one resource in 50 instead of every one.
     */
    static final int USES = 50;

    private final BlockingQueue<Reusable> idle = new ArrayBlockingQueue<>(IDLE);

    PooledInstanceValidator(IValidationSupport support) {
        super(support);
    }

    @Override
    protected List<ValidationMessage> validate(IValidationContext<?> context) {
        if (context.getResourceAsStringEncoding() != EncodingEnum.JSON
                || !context.getOptions().getProfiles().isEmpty()
                || namesProfiles(context.getResource())) {
            return super.validate(context);
        }
        Reusable validator = idle.poll();
        if (validator == null) {
            validator = new Reusable(provideWorkerContext(), this);
        }
        List<ValidationMessage> messages = new ArrayList<>();
        try {
            validator.reset();
            validator.validate(
                    null,
                    messages,
                    new ByteArrayInputStream(context.getResourceAsString().getBytes(StandardCharsets.UTF_8)),
                    Manager.FhirFormat.JSON,
                    new ArrayList<>());
        } finally {
            if (++validator.uses < USES && !idle.offer(validator)) {
                log.debug("{} validators idle already: one more left to the collector", IDLE);
            }
        }
        // as HAPI's ValidatorWrapper: binding messages it always leaves out
        messages.removeIf(message -> message.getMessageId() != null
                && (message.getMessageId().equals(I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE)
                        || message.getMessageId().equals(I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE2)
                        || (message.getMessageId().equals(I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND)
                                && message.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes"))));
        if (isErrorForUnknownProfiles()) {
            // as HAPI's ValidatorWrapper: a profile the validator does not know is an error (HAPI's default)
            messages.stream()
                    .filter(message -> I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(message.getMessageId())
                            || I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(message.getMessageId()))
                    .filter(message -> message.getLevel() == ValidationMessage.IssueSeverity.WARNING)
                    .forEach(message -> message.setLevel(ValidationMessage.IssueSeverity.ERROR));
        }
        return messages;
    }

    private static boolean namesProfiles(Object resource) {
        return resource instanceof IBaseResource r
                && r.getMeta() != null
                && !r.getMeta().getProfile().isEmpty();
    }

    /** The core validator, set up as HAPI's ValidatorWrapper sets it up for each resource. */
    private static final class Reusable extends InstanceValidator {

        private int uses;

        Reusable(IWorkerContext worker, FhirInstanceValidator settings) {
            super(
                    worker,
                    new FhirInstanceValidator.NullEvaluationContext(),
                    new XVerExtensionManager(worker),
                    new ValidatorSession(),
                    new ValidatorSettings());
            setAssumeValidRestReferences(settings.isAssumeValidRestReferences());
            setBestPracticeWarningLevel(settings.getBestPracticeWarningLevel());
            setAnyExtensionsAllowed(settings.isAnyExtensionsAllowed());
            setResourceIdRule(IdStatus.OPTIONAL);
            setNoTerminologyChecks(settings.isNoTerminologyChecks());
            setErrorForUnknownProfiles(settings.isErrorForUnknownProfiles());
            // fixed as in HAPI's wrapper (it interacts with HAPI's unknown-code-system handling)
            setUnknownCodeSystemsCauseErrors(true);
            getExtensionDomains().addAll(settings.getExtensionDomains());
            setFetcher(settings.getValidatorResourceFetcher());
            setPolicyAdvisor(settings.getValidatorPolicyAdvisor());
            setNoExtensibleWarnings(settings.isNoExtensibleWarnings());
            setNoBindingMsgSuppressed(settings.isNoBindingMsgSuppressed());
            setAllowExamples(settings.isAllowExamples());
            setAllowXsiLocation(true);
        }

        /**
         * What the core validator remembers between resources and does not clear itself: the
         * definition status notes it gave once (each resource gets its own) and the code-and-text pairs
         * noted for an AI check this server does not run.
         */
        void reset() {
            statusWarnings.clear();
            getTextsToCheck().clear();
        }
    }
}
