package org.footdrop.support.record;

import java.time.Instant;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.EventPayload;
import org.footdrop.support.outbox.OutboxEntry;
import org.footdrop.support.outbox.TraceHeaders;
import org.footdrop.support.request.RequestContext;

/** The outbox entry of one record event: envelope, clinical time, correlation and trace. */
final class RecordEvents {

    private final EventCodec codec;
    private final TraceHeaders trace;

    RecordEvents(EventCodec codec, TraceHeaders trace) {
        this.codec = codec;
        this.trace = trace;
    }

    <S> OutboxEntry of(
            RecordKind<S> kind, EventPayload payload, String patientId, S state, Instant now, RequestContext context) {
        EventEnvelope envelope = EventEnvelope.of(
                payload, patientId, kind.occurredAt(state), now, kind.source(), context.correlationId(), context.job());
        return OutboxEntry.pending(envelope, codec, now).withHeaders(trace.current());
    }
}
