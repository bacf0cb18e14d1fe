package org.footdrop.fhir.everything;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.model.valueset.BundleTypeEnum;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.footdrop.fhir.condition.ConditionProvider;
import org.footdrop.fhir.observation.ObservationProvider;
import org.footdrop.fhir.patient.FhirPatient;
import org.footdrop.fhir.patient.FhirPatients;
import org.footdrop.fhir.patient.PatientProvider;
import org.footdrop.fhir.procedure.ProcedureProvider;
import org.footdrop.fhir.records.OutcomesApi;
import org.footdrop.fhir.server.SystemProvider;
import org.footdrop.fhir.therapy.ServiceRequestProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code Patient/{id}/$everything}: the Patient, its Conditions, Procedures, Observations and ServiceRequests as the
 * services hold them, and outcomes-service's derived outcomes as Observations that say they are
 * derived. Each part is read through its service with the caller's token, so each service audits it.
 * Paged as the searches are ({@code _count}, a {@code next} link, HAPI's paging provider): the whole
 * answer is read once, on the first page, and the later pages are cut from it, so they hold together
 * even while records change; the Patient comes first.
 */
@Component
public class EverythingProvider implements SystemProvider {

    private final PatientProvider patientsProvider;
    private final FhirPatients patients;
    private final ConditionProvider conditions;
    private final ProcedureProvider procedures;
    private final ObservationProvider observations;
    private final ServiceRequestProvider serviceRequests;
    private final OutcomesApi outcomes;

    public EverythingProvider(
            PatientProvider patientsProvider,
            FhirPatients patients,
            ConditionProvider conditions,
            ProcedureProvider procedures,
            ObservationProvider observations,
            ServiceRequestProvider serviceRequests,
            OutcomesApi outcomes) {
        this.patientsProvider = patientsProvider;
        this.patients = patients;
        this.conditions = conditions;
        this.procedures = procedures;
        this.observations = observations;
        this.serviceRequests = serviceRequests;
        this.outcomes = outcomes;
    }

    /**
     * {@code _count} is declared for the OperationDefinition; HAPI's paging reads it from the request
     * itself, as for a search (20 a page unless asked, at most 100).
     */
    @Operation(name = "$everything", type = Patient.class, idempotent = true, bundleType = BundleTypeEnum.SEARCHSET)
    public IBundleProvider everything(
            @IdParam IdType id,
            @OperationParam(name = Constants.PARAM_COUNT, typeName = "unsignedInt", max = 1)
                    IPrimitiveType<Integer> count) {
        FhirPatient patient = patients.find(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
        ReferenceParam subject = new ReferenceParam(patient.fhirId());
        List<IBaseResource> course = new ArrayList<>();
        course.add(match(patientsProvider.read(new IdType("Patient", patient.fhirId()))));
        conditions.byPatient(subject).forEach(resource -> course.add(match(resource)));
        procedures.byPatient(subject).forEach(resource -> course.add(match(resource)));
        observations.byPatient(subject, null, null, null).forEach(resource -> course.add(match(resource)));
        serviceRequests.byPatient(subject).forEach(resource -> course.add(match(resource)));
        for (Observation derived : OutcomeObservations.of(outcomesOf(patient), patient.fhirId())) {
            ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(derived, BundleEntrySearchModeEnum.INCLUDE);
            DerivedFullUrls.mark(derived);
            course.add(derived);
        }
        return new SimpleBundleProvider(course);
    }

    /** The patient's outcomes; none while outcomes-service has not yet heard of the patient. */
    private JsonNode outcomesOf(FhirPatient patient) {
        try {
            return outcomes.api()
                    .get("/api/v1/patients/" + patient.patientId() + "/outcomes")
                    .body();
        } catch (ResourceNotFoundException notYet) {
            return tools.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private static Resource match(Resource resource) {
        ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(resource, BundleEntrySearchModeEnum.MATCH);
        return resource;
    }
}
