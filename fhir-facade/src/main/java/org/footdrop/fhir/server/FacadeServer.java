package org.footdrop.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;

/**
 * HAPI's plain RESTful server: the resource providers are Spring beans, the CapabilityStatement at
 * {@code /metadata} is generated from exactly the operations they declare. Everything is registered
 * here, before the servlet container initialises it (which is when HAPI reads the registrations).
 */
class FacadeServer extends RestfulServer {

    private static final long serialVersionUID = 1L;

    /** Search result pages kept for paging links, each for its caller; each holds only references to a few records. */
    private static final int PAGES_KEPT = 200;

    FacadeServer(
            FhirContext context,
            List<IResourceProvider> providers,
            List<Object> systemProviders,
            List<Object> interceptors) {
        super(context);
        setServerName("Foot Drop Outcomes FHIR facade");
        setImplementationDescription("FHIR R4 door onto the foot drop clinical records (docs/fhir.md)");
        setDefaultResponseEncoding(EncodingEnum.JSON);
        CallerBoundPaging paging = new CallerBoundPaging(PAGES_KEPT);
        paging.setDefaultPageSize(20);
        paging.setMaximumPageSize(100);
        setPagingProvider(paging);
        setResourceProviders(providers);
        registerProviders(systemProviders);
        interceptors.forEach(this::registerInterceptor);
    }
}
