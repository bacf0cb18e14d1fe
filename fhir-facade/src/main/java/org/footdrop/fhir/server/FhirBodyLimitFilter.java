package org.footdrop.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public ServletInputStream getInputStream() throws IOException {
                        return new CappedInputStream(super.getInputStream(), maxBytes);
                    }
                },
                response);
    }

    private static String tooLarge(long maxBytes) {
        return "The body is larger than " + maxBytes + " bytes; nothing was written. Split a batch into smaller ones.";
    }

    /** Counts what HAPI reads; past the cap, HAPI's 413 (a runtime exception it answers as such). */
    private static final class CappedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        CappedInputStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                PayloadTooLargeException tooLarge = new PayloadTooLargeException(tooLarge(maxBytes));
                tooLarge.setOperationOutcome(
                        Outcomes.issue(IssueSeverity.ERROR, IssueType.TOOCOSTLY, null, tooLarge(maxBytes)));
                throw tooLarge;
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
