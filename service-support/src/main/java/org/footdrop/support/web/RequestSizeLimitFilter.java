package org.footdrop.support.web;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
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
                CappedInputStream.wrap(request, maxBytes, cap -> {
                    throw new BodyTooLargeException(cap);
                }),
                response);
    }

    static String tooLargeProblem(String path, long maxBytes) {
        return "{\"type\":\"" + ProblemTypes.PAYLOAD_TOO_LARGE + "\",\"title\":\"Content Too Large\",\"status\":413,"
                + "\"detail\":\"The request body is larger than " + maxBytes + " bytes\","
                + "\"instance\":\"" + path.replaceAll("[^A-Za-z0-9/._-]", "") + "\"}";
    }
}
