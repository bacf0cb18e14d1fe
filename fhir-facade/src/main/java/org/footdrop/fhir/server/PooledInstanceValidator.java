package org.footdrop.fhir.server;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.validation.IValidationContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.exceptions.FHIRFormatError;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.conformance.profile.ProfileUtilities;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.JsonParser;
import org.hl7.fhir.r5.elementmodel.ParserBase.ValidationPolicy;
import org.hl7.fhir.r5.elementmodel.ValidatedFragment;
import org.hl7.fhir.r5.model.StructureDefinition;
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
 * resource's validation time, and still a third when one validator served 50 resources. The checks are
 * the core validator's own, set up as HAPI's {@code ValidatorWrapper} sets them up, and its messages are
 * filtered as HAPI filters them; only the construction is shared. The core validator clears its
 * per-resource state (fetch cache, resource tracker, tracked messages) at the start of each validation;
 * what it keeps across validations is cleared here ({@link Reusable#reset()}) or bounded by retiring a
 * validator after {@link #USES} uses. Each validator also keeps one JSON parser of the element model,
 * where the core builds one a resource, and with it a FHIRPath engine and empty caches. A resource that
 * names profiles, or comes as XML, goes through HAPI's own path unchanged.
 */
class PooledInstanceValidator extends FhirInstanceValidator {

    private static final Logger log = LoggerFactory.getLogger(PooledInstanceValidator.class);

    /** Idle validators kept: one a core. A caller that finds none idle builds its own. */
    private static final int IDLE = 2;

    /**
     * A validator is retired after this many resources. Without its checked codings cleared
     * ({@link CheckedCodings}) it keeps what it parsed of each resource (46 KB on P7's resources), and a
     * validator kept for a thousand once filled the 384 MiB heap, so it then serves 50; with them cleared
     * the heap stayed flat over 6,000 resources, and the limit only bounds what nobody has measured.
     */
    static final int USES = CheckedCodings.CLEARABLE ? 2_000 : 50;

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
            validator.validate(context.getResourceAsString(), messages);
        } finally {
            validator.reset();
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

    /** Codings the idle validators still hold of resources they validated: none where they can be cleared. */
    int heldCodings() {
        return idle.stream().mapToInt(CheckedCodings::held).sum();
    }

    private static boolean namesProfiles(Object resource) {
        return resource instanceof IBaseResource r
                && r.getMeta() != null
                && !r.getMeta().getProfile().isEmpty();
    }

    /** The core validator, set up as HAPI's ValidatorWrapper sets it up for each resource. */
    private static final class Reusable extends InstanceValidator {

        private final ElementParser parser;
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
            parser = new ElementParser(worker, new ProfileUtilities(worker, null, null, getFHIRPathEngine()));
        }

        /** As the core's own entry point for a JSON stream, with this validator's parser. */
        void validate(String json, List<ValidationMessage> messages) {
            List<ValidatedFragment> fragments;
            try {
                fragments = parser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new FHIRException(e);
            }
            for (ValidatedFragment fragment : fragments) {
                if (fragment.getElement() != null) {
                    validate(
                            null,
                            fragment.getErrors(),
                            fragments.size() > 1 ? fragment.path() : null,
                            fragment.getElement(),
                            new ArrayList<>());
                }
                messages.addAll(fragment.getErrors());
            }
        }

        /**
         * Once a resource is validated, what the core validator remembers of it and does not clear itself:
         * the definition status notes it gave once (each resource gets its own), the code-and-text pairs
         * noted for an AI check this server does not run, and the codings it checked.
         */
        void reset() {
            statusWarnings.clear();
            getTextsToCheck().clear();
            if (CheckedCodings.CLEARABLE) {
                CheckedCodings.clear(this);
            }
        }
    }

    /**
     * The element model's JSON parser, kept with its validator, and with the definition of each resource
     * type it met: the parser it extends looks a type's definition up by walking every structure
     * definition of the specification, for every resource.
     */
    private static final class ElementParser extends JsonParser {

        private final Map<String, StructureDefinition> definitions = new HashMap<>();

        ElementParser(IWorkerContext worker, ProfileUtilities utilities) {
            super(worker, utilities);
            setupValidation(ValidationPolicy.EVERYTHING);
        }

        @Override
        protected StructureDefinition getDefinition(List<ValidationMessage> errors, int line, int col, String name)
                throws FHIRFormatError {
            StructureDefinition known = name == null ? null : definitions.get(name);
            if (known != null) {
                return known;
            }
            StructureDefinition found = super.getDefinition(errors, line, col, name);
            if (found != null) {
                definitions.put(name, found);
            }
            return found;
        }
    }
}
