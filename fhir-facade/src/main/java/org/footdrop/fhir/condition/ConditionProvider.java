package org.footdrop.fhir.condition;

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
import org.footdrop.fhir.records.IntakeApi;
import org.footdrop.fhir.records.RecordMap;
import org.footdrop.fhir.records.RecordResources;
import org.footdrop.fhir.server.ResourceValidator;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/** Conditions are intake-service's diagnoses, written through its API with the caller's token. */
@Component
public class ConditionProvider implements IResourceProvider {

    private final RecordResources<Condition> conditions;

    public ConditionProvider(
            IntakeApi intake, FhirPatients patients, RecordMap identifiers, ResourceValidator validator) {
        this.conditions = new RecordResources<>(new ConditionMapping(), intake.api(), patients, identifiers, validator);
    }

    @Override
    public Class<Condition> getResourceType() {
        return Condition.class;
    }

    @Read(version = true)
    public Condition read(@IdParam IdType id) {
        return conditions.read(id);
    }

    @Search
    public List<Condition> byPatient(@RequiredParam(name = Condition.SP_PATIENT) ReferenceParam patient) {
        return conditions.byPatient(patient.getIdPart());
    }

    @Create
    public MethodOutcome create(@ResourceParam Condition condition, @ConditionalUrlParam String ifNoneExist) {
        return conditions.create(condition, ifNoneExist);
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Condition condition) {
        return conditions.update(id, condition);
    }

    @Delete
    public MethodOutcome delete(@IdParam IdType id) {
        return conditions.delete(id);
    }
}
