package org.footdrop.fhir.procedure;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.footdrop.fhir.patient.FhirPatients;
import org.footdrop.fhir.records.RecordMap;
import org.footdrop.fhir.records.RecordResources;
import org.footdrop.fhir.records.TreatmentApi;
import org.footdrop.fhir.server.IfMatch;
import org.footdrop.fhir.server.Outcomes;
import org.footdrop.fhir.server.ResourceValidator;
import org.footdrop.fhir.therapy.TherapySessionMapping;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Procedure;
import org.springframework.stereotype.Component;

/**
 * Procedures are two kinds of treatment-service's records, written through its API with the caller's
 * token: injections, and the therapy sessions logged against a prescription (a Procedure based on a
 * ServiceRequest). A write goes by the resource's kind; a read or delete by id tries the injection
 * first, then the session (ids are unique across both).
 */
@Component
public class ProcedureProvider implements IResourceProvider {

    private final RecordResources<Procedure> injections;
    private final RecordResources<Procedure> sessions;

    public ProcedureProvider(
            TreatmentApi treatment, FhirPatients patients, RecordMap identifiers, ResourceValidator validator) {
        this.injections =
                new RecordResources<>(new ProcedureMapping(), treatment.api(), patients, identifiers, validator);
        this.sessions = new RecordResources<>(
                new TherapySessionMapping(identifiers), treatment.api(), patients, identifiers, validator);
    }

    @Override
    public Class<Procedure> getResourceType() {
        return Procedure.class;
    }

    @Read(version = true)
    public Procedure read(@IdParam IdType id) {
        return eitherKind(records -> records.read(id));
    }

    @Create
    public MethodOutcome create(@ResourceParam Procedure procedure, @ConditionalUrlParam String ifNoneExist) {
        return kindOf(procedure).create(procedure, ifNoneExist);
    }

    /**
     * A Procedure keeps its kind: a body with {@code basedOn} amends a session, one without an
     * injection. Sent for a record of the other kind, it finds none of its own (404), and says why.
     */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Procedure procedure) {
        boolean session = TherapySessionMapping.isSession(procedure);
        try {
            return kindOf(procedure).update(id, procedure);
        } catch (ResourceNotFoundException missing) {
            throw new ResourceNotFoundException(
                    id,
                    Outcomes.issue(
                            IssueSeverity.ERROR,
                            IssueType.NOTFOUND,
                            "Procedure.basedOn",
                            "No " + (session ? "therapy session" : "injection") + " Procedure/" + id.getIdPart()
                                    + ". A Procedure keeps its kind on update: with basedOn it is a therapy session,"
                                    + " without an injection; to change it, delete this one and create the other."));
        }
    }

    @Delete
    public MethodOutcome delete(@IdParam IdType id, RequestDetails request) {
        // HAPI's delete binding leaves If-Match to the provider (its update binding reads it)
        return delete(IfMatch.versioned(id, request.getHeader(Constants.HEADER_IF_MATCH)));
    }

    /** Voids the injection or session, at the id's version when it has one (a batch entry's ifMatch). */
    public MethodOutcome delete(IdType id) {
        return eitherKind(records -> records.delete(id));
    }

    /** The patient's injections, then their therapy sessions, each oldest first. */
    @Search
    public List<Procedure> byPatient(@RequiredParam(name = Procedure.SP_PATIENT) ReferenceParam patient) {
        List<Procedure> found = new ArrayList<>(injections.byPatient(patient.getIdPart()));
        found.addAll(sessions.byPatient(patient.getIdPart()));
        return found;
    }

    private RecordResources<Procedure> kindOf(Procedure procedure) {
        return TherapySessionMapping.isSession(procedure) ? sessions : injections;
    }

    private <T> T eitherKind(Function<RecordResources<Procedure>, T> call) {
        try {
            return call.apply(injections);
        } catch (ResourceNotFoundException notAnInjection) {
            return call.apply(sessions);
        }
    }
}
