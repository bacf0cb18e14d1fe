package org.footdrop.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A FHIR body over the cap is refused before it is read, with 413 as an OperationOutcome. The
 * shared size limit (footdrop.http.max-body-bytes, set above this one for the facade) still bounds a
 * body sent without a length.
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
        chain.doFilter(request, response);
    }
}
