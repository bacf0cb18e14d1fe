package org.footdrop.fhir.everything;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.footdrop.fhir.condition.ConditionProvider;
import org.footdrop.fhir.observation.ObservationProvider;
import org.footdrop.fhir.patient.FhirPatient;
import org.footdrop.fhir.patient.FhirPatients;
import org.footdrop.fhir.patient.PatientProvider;
import org.footdrop.fhir.procedure.ProcedureProvider;
import org.footdrop.fhir.records.OutcomesApi;
import org.footdrop.fhir.server.SystemProvider;
import org.footdrop.fhir.therapy.ServiceRequestProvider;
import org.hl7.fhir.r4.model.Bundle;
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
 * Answered whole (one patient's course is small), not paged.
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

    @Operation(name = "$everything", type = Patient.class, idempotent = true)
    public Bundle everything(@IdParam IdType id, RequestDetails request) {
        FhirPatient patient = patients.find(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
        String base = request.getFhirServerBase();
        ReferenceParam subject = new ReferenceParam(patient.fhirId());
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        add(bundle, base, patientsProvider.read(new IdType("Patient", patient.fhirId())));
        conditions.byPatient(subject).forEach(resource -> add(bundle, base, resource));
        procedures.byPatient(subject).forEach(resource -> add(bundle, base, resource));
        observations.byPatient(subject, null, null, null).forEach(resource -> add(bundle, base, resource));
        serviceRequests.byPatient(subject).forEach(resource -> add(bundle, base, resource));
        for (Observation derived : OutcomeObservations.of(outcomesOf(patient), patient.fhirId())) {
            bundle.addEntry()
                    .setFullUrl("urn:uuid:" + derived.getIdPart())
                    .setResource(derived)
                    .getSearch()
                    .setMode(Bundle.SearchEntryMode.INCLUDE);
        }
        bundle.setTotal(bundle.getEntry().size());
        return bundle;
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

    private static void add(Bundle bundle, String base, Resource resource) {
        bundle.addEntry()
                .setFullUrl(base + "/" + resource.fhirType() + "/" + resource.getIdPart())
                .setResource(resource)
                .getSearch()
                .setMode(Bundle.SearchEntryMode.MATCH);
    }
}
