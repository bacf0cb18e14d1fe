package org.footdrop.fhir.paging;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.LinkedHashSet;
import java.util.Set;
import org.footdrop.fhir.patient.FhirPatients;
import org.footdrop.fhir.server.FacadeInterceptor;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * A later page of a search or of {@code $everything} ({@code ?_getpages=}) is cut from what the first
 * page read, so no service and no store is asked again and nothing would name the patient in the
 * audit record of that request. This notes the patients whose resources the page holds, as the first
 * page's reads did (looking each up in the facade's store, which audits the read).
 */
@Component
@Interceptor
public class PageAudit implements FacadeInterceptor {

    private final FhirPatients patients;

    public PageAudit(FhirPatients patients) {
        this.patients = patients;
    }

    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public void notePatients(RequestDetails request, IBaseResource response) {
        if (request.getRestOperationType() != RestOperationTypeEnum.GET_PAGE || !(response instanceof Bundle page)) {
            return;
        }
        Set<String> fhirIds = new LinkedHashSet<>();
        for (Bundle.BundleEntryComponent entry : page.getEntry()) {
            String fhirId = patientOf(entry.getResource());
            if (fhirId != null) {
                fhirIds.add(fhirId);
            }
        }
        fhirIds.forEach(patients::find);
    }

    /** A Patient's own id, or the Patient a record resource names in its subject (every type served has one). */
    private static String patientOf(Resource resource) {
        if (resource instanceof Patient patient) {
            return patient.getIdElement().getIdPart();
        }
        Property subject = resource.getNamedProperty("subject");
        if (subject != null && subject.hasValues() && subject.getValues().get(0) instanceof Reference reference) {
            return patientId(reference);
        }
        return null; // not patient data (a CodeSystem)
    }

    private static String patientId(Reference subject) {
        var id = subject.getReferenceElement();
        return "Patient".equals(id.getResourceType()) ? id.getIdPart() : null;
    }
}
