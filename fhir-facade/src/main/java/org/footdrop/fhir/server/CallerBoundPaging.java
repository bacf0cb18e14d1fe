package org.footdrop.fhir.server;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * HAPI's in-memory result pages, each readable only by the caller whose search or {@code $everything}
 * made it: a page id ({@code ?_getpages=}) is a bearer of patient data, and another clinician holding
 * one (from a shared link or a log) is answered as if it had expired (410), the same as an unknown id.
 */
class CallerBoundPaging extends FifoMemoryPagingProvider {

    private final int size;

    /** Page id to the subject of the token that made it, evicted with the pages (both first in, first out). */
    private final Map<String, String> makers;

    CallerBoundPaging(int size) {
        super(size);
        this.size = size;
        this.makers = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > CallerBoundPaging.this.size;
            }
        };
    }

    @Override
    public synchronized String storeResultList(RequestDetails request, IBundleProvider results) {
        String id = super.storeResultList(request, results);
        makers.put(id, caller());
        return id;
    }

    @Override
    public synchronized IBundleProvider retrieveResultList(RequestDetails request, String id) {
        String maker = makers.get(id);
        return maker != null && maker.equals(caller()) ? super.retrieveResultList(request, id) : null;
    }

    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }
}
