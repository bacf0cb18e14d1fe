package org.footdrop.fhir.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemRestfulInteraction;

/**
 * What the generated CapabilityStatement cannot know: HAPI lists one method for batch and transaction,
 * but only batch is carried out; and where the mappings are documented.
 */
@Interceptor
class CapabilityNotes {

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void describe(IBaseConformance generated) {
        if (!(generated instanceof CapabilityStatement capability)) {
            return;
        }
        CapabilityStatement.CapabilityStatementRestComponent rest = capability.getRestFirstRep();
        rest.getInteraction().removeIf(interaction -> interaction.getCode() == SystemRestfulInteraction.TRANSACTION);
        if (rest.getInteraction().stream().noneMatch(i -> i.getCode() == SystemRestfulInteraction.BATCH)) {
            rest.addInteraction().setCode(SystemRestfulInteraction.BATCH);
        }
        rest.setDocumentation("Batch Bundles only, each entry answered on its own; transaction Bundles are refused"
                + " (their records live in two services). Conditional create on identifier. Delete voids"
                + " (entered-in-error), as does an update marking the resource entered-in-error. A Procedure is an injection, or a therapy session when it is basedOn a"
                + " ServiceRequest (the prescription). Searches are paged (_count, next links). Patient/{id}/$everything answers the"
                + " patient's Conditions, Procedures and Observations and outcomes-service's derived outcomes as"
                + " Observations with derivedFrom, method from the derived-outcome CodeSystem (search mode include, fullUrl"
                + " urn:uuid), paged as the searches are with the Patient first."
                + " Mappings and codes: docs/fhir.md.");
    }
}
