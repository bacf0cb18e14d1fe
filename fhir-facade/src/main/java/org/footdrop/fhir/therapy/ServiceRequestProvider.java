package org.footdrop.fhir.therapy;

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
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;

/** ServiceRequests are treatment-service's therapy prescriptions, written through its API with the caller's token. */
@Component
public class ServiceRequestProvider extends RecordProvider<ServiceRequest> {

    public ServiceRequestProvider(
            TreatmentApi treatment, FhirPatients patients, RecordMap identifiers, ResourceValidator validator) {
        super(new RecordResources<>(new ServiceRequestMapping(), treatment.api(), patients, identifiers, validator));
    }

    @Search
    public List<ServiceRequest> byPatient(@RequiredParam(name = ServiceRequest.SP_PATIENT) ReferenceParam patient) {
        return records().byPatient(patient.getIdPart());
    }
}
