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
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.footdrop.fhir.patient.FhirPatients;
import org.footdrop.fhir.records.RecordMap;
import org.footdrop.fhir.records.RecordResources;
import org.footdrop.fhir.records.TreatmentApi;
import org.footdrop.fhir.server.ResourceValidator;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Procedure;
import org.springframework.stereotype.Component;

/** Procedures are treatment-service's injections, written through its API with the caller's token. */
@Component
public class ProcedureProvider implements IResourceProvider {

    private final RecordResources<Procedure> procedures;

    public ProcedureProvider(
            TreatmentApi treatment, FhirPatients patients, RecordMap identifiers, ResourceValidator validator) {
        this.procedures =
                new RecordResources<>(new ProcedureMapping(), treatment.api(), patients, identifiers, validator);
    }

    @Override
    public Class<Procedure> getResourceType() {
        return Procedure.class;
    }

    @Read(version = true)
    public Procedure read(@IdParam IdType id) {
        return procedures.read(id);
    }

    @Search
    public List<Procedure> byPatient(@RequiredParam(name = Procedure.SP_PATIENT) ReferenceParam patient) {
        return procedures.byPatient(patient.getIdPart());
    }

    @Create
    public MethodOutcome create(@ResourceParam Procedure procedure, @ConditionalUrlParam String ifNoneExist) {
        return procedures.create(procedure, ifNoneExist);
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Procedure procedure) {
        return procedures.update(id, procedure);
    }

    @Delete
    public MethodOutcome delete(@IdParam IdType id) {
        return procedures.delete(id);
    }
}
