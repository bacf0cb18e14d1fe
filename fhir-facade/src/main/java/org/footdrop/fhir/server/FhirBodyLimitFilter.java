package org.footdrop.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.footdrop.support.web.CappedInputStream;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A FHIR body over the cap is refused before it is read, with 413 as an OperationOutcome. A body sent
 * without a length (chunked, as a client streams a large Bundle) is cut off as it passes the cap, with
 * HAPI's own 413: the shared size limit (footdrop.http.max-body-bytes, set above this one) raises an
 * IOException there, which HAPI answers as an unreadable body (400). The rest of the body is read and
 * dropped (server.tomcat.max-swallow-size), so the client gets the answer instead of a reset connection,
 * which HAPI's client reports as a 500 of its own.
 */
class FhirBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final FhirContext fhir;

    FhirBodyLimitFilter(long maxBytes, FhirContext fhir) {
        this.maxBytes = maxBytes;
        this.fhir = fhir;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(FhirSecurityConfiguration.PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(413);
            response.setContentType("application/fhir+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter()
                    .write(fhir.newJsonParser()
                            .encodeResourceToString(Outcomes.issue(
                                    IssueSeverity.ERROR,
                                    IssueType.TOOCOSTLY,
                                    null,
                                    "The body is larger than " + maxBytes + " bytes; nothing was read. Split a"
                                            + " batch into smaller ones.")));
            return;
        }
        // Past the cap, HAPI's 413 (a runtime exception it answers as such).
        chain.doFilter(CappedInputStream.wrap(request, maxBytes, FhirBodyLimitFilter::payloadTooLarge), response);
    }

    private static void payloadTooLarge(long maxBytes) {
        PayloadTooLargeException tooLarge = new PayloadTooLargeException(tooLarge(maxBytes));
        tooLarge.setOperationOutcome(
                Outcomes.issue(IssueSeverity.ERROR, IssueType.TOOCOSTLY, null, tooLarge(maxBytes)));
        throw tooLarge;
    }

    private static String tooLarge(long maxBytes) {
        return "The body is larger than " + maxBytes + " bytes; nothing was written. Split a batch into smaller ones.";
    }
}
