package org.footdrop.support.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The current trace context as W3C headers ({@code traceparent}), stored with each outbox event
 * and sent as its Kafka headers, so the consumer's work joins the trace of the request that
 * accepted the write, however much later the event is published.
 */
public class TraceHeaders {

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceHeaders(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** No tracing configured: events carry no trace context. */
    public static TraceHeaders none() {
        return new TraceHeaders(Tracer.NOOP, Propagator.NOOP);
    }

    public Map<String, String> current() {
        Span span = tracer.currentSpan();
        Map<String, String> headers = new LinkedHashMap<>();
        if (span != null) {
            propagator.inject(span.context(), headers, Map::put);
        }
        return headers;
    }
}
