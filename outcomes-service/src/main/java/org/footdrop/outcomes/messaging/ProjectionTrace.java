package org.footdrop.outcomes.messaging;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Joins the trace a record carries (its {@code traceparent} header, written by the outbox) while
 * its event is projected. A batch listener gets no per-record observation from the container, so
 * this opens the consumer span the record listener's observation used to.
 */
@Component
final class ProjectionTrace {

    private final Tracer tracer;
    private final Propagator propagator;

    ProjectionTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    void inTraceOf(ConsumerRecord<?, ?> record, Runnable work) {
        Span span = propagator
                .extract(record.headers(), ProjectionTrace::header)
                .name(record.topic() + " project")
                .kind(Span.Kind.CONSUMER)
                .start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            work.run();
        } finally {
            span.end();
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
