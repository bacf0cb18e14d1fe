package org.footdrop.fhir.procedure;

import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.util.List;
import org.footdrop.fhir.patient.FhirPatients;
import org.footdrop.fhir.records.RecordMap;
import org.footdrop.fhir.records.RecordProvider;
import org.footdrop.fhir.records.RecordResources;
import org.footdrop.fhir.records.TreatmentApi;
import org.footdrop.fhir.server.ResourceValidator;
import org.hl7.fhir.r4.model.Procedure;
import org.springframework.stereotype.Component;

/** Procedures are treatment-service's injections, written through its API with the caller's token. */
@Component
public class ProcedureProvider extends RecordProvider<Procedure> {

    public ProcedureProvider(
            TreatmentApi treatment, FhirPatients patients, RecordMap identifiers, ResourceValidator validator) {
        super(new RecordResources<>(new ProcedureMapping(), treatment.api(), patients, identifiers, validator));
    }

    @Search
    public List<Procedure> byPatient(@RequiredParam(name = Procedure.SP_PATIENT) ReferenceParam patient) {
        return records().byPatient(patient.getIdPart());
    }
}
