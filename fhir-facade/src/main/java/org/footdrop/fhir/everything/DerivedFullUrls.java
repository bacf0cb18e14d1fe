package org.footdrop.fhir.everything;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import org.footdrop.fhir.server.FacadeInterceptor;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * A derived outcome has no address of its own (no read answers it), so its entry's fullUrl is
 * {@code urn:uuid:} and its id, as FHIR asks for a resource that is not stored. HAPI's paging gives
 * every entry {@code [base]/[type]/[id]}; this puts it right on each page on its way out.
 */
@Component
@Interceptor
public class DerivedFullUrls implements FacadeInterceptor {

    private static final String DERIVED = DerivedFullUrls.class.getName();

    static void mark(Resource derived) {
        derived.setUserData(DERIVED, Boolean.TRUE);
    }

    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public void fullUrls(ResponseDetails response) {
        if (response.getResponseResource() instanceof Bundle bundle) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.getResource() != null && entry.getResource().getUserData(DERIVED) != null) {
                    entry.setFullUrl("urn:uuid:" + entry.getResource().getIdPart());
                }
            }
        }
    }
}
