package org.footdrop.support.web;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Counts refused input by reason (the problem type: validation, malformed-request,
 * payload-too-large, conflict, stale-revision), as every problem answer passes here on its way out.
 * Not found, unauthorized and forbidden are not input errors and are left to the HTTP metrics.
 */
@RestControllerAdvice
public class RejectionMetrics implements ResponseBodyAdvice<Object> {

    public static final String METER = "footdrop.validation.rejections";
    private static final Set<URI> INPUT_PROBLEMS = Set.of(
            ProblemTypes.VALIDATION,
            ProblemTypes.MALFORMED_REQUEST,
            ProblemTypes.PAYLOAD_TOO_LARGE,
            ProblemTypes.CONFLICT,
            ProblemTypes.STALE_REVISION);

    private final MeterRegistry meters;

    public RejectionMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && problem.getType() != null) {
            count(meters, problem.getType());
        }
        return body;
    }

    /** Also called by the body size filter, which answers before Spring MVC. */
    static void count(MeterRegistry meters, URI type) {
        if (INPUT_PROBLEMS.contains(type)) {
            String reason = type.getPath().substring(type.getPath().lastIndexOf('/') + 1);
            meters.counter(METER, "reason", reason).increment();
        }
    }
}
