package org.footdrop.support.web;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies: a declared length over the cap is refused before reading (413), and a
 * chunked body is cut off as soon as it passes the cap, so a huge body never reaches the parser.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long defaultMaxBytes;
    private final String largePathPrefix;
    private final long largeMaxBytes;
    private final MeterRegistry meters;

    public RequestSizeLimitFilter(long maxBytes, MeterRegistry meters) {
        this(maxBytes, null, maxBytes, meters);
    }

    /** Bodies under {@code largePathPrefix} (a bulk import's file) have a limit of their own. */
    public RequestSizeLimitFilter(long maxBytes, String largePathPrefix, long largeMaxBytes, MeterRegistry meters) {
        this.defaultMaxBytes = maxBytes;
        this.largePathPrefix = largePathPrefix;
        this.largeMaxBytes = largeMaxBytes;
        this.meters = meters;
    }

    private long limitFor(HttpServletRequest request) {
        return largePathPrefix != null && request.getRequestURI().startsWith(largePathPrefix)
                ? largeMaxBytes
                : defaultMaxBytes;
    }

    /** Raised while reading a body that passes the cap; the problem handler answers 413. */
    public static class BodyTooLargeException extends IOException {
        public BodyTooLargeException(long maxBytes) {
            super("request body over " + maxBytes + " bytes");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = limitFor(request);
        if (request.getContentLengthLong() > maxBytes) {
            RejectionMetrics.count(meters, ProblemTypes.PAYLOAD_TOO_LARGE);
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(tooLargeProblem(request.getRequestURI(), maxBytes));
            return;
        }
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public ServletInputStream getInputStream() throws IOException {
                        return new LimitedInputStream(super.getInputStream(), maxBytes);
                    }
                },
                response);
    }

    static String tooLargeProblem(String path, long maxBytes) {
        return "{\"type\":\"" + ProblemTypes.PAYLOAD_TOO_LARGE + "\",\"title\":\"Content Too Large\",\"status\":413,"
                + "\"detail\":\"The request body is larger than " + maxBytes + " bytes\","
                + "\"instance\":\"" + path.replaceAll("[^A-Za-z0-9/._-]", "") + "\"}";
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        LimitedInputStream(ServletInputStream delegate, long maxBytes) {
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

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
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
