package org.footdrop.fhir.server;

import org.hl7.fhir.r4.model.IdType;

/** FHIR's {@code If-Match} (an ETag, {@code W/"3"}) as the version of the id it applies to. */
public final class IfMatch {

    private IfMatch() {}

    /** The id at the version the header names; the id as it is without one. */
    public static IdType versioned(IdType id, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return id;
        }
        return id.withVersion(ifMatch.strip().replaceAll("^W/|\"", ""));
    }
}
