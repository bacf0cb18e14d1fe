package org.footdrop.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.footdrop.contract.CloudEventHeaders;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventEnvelope;

/**
 * An event of the outbox. It is stored inside the clinical record's own document, under
 * {@code outbox.<eventId>}, so record and event are written in one atomic single-document write.
 * Whether it is still pending is its marker's business ({@link PendingEventMarker}): the record is
 * not written again once the event is sent, which would double the store's work per write.
 *
 * @param payload the event as JSON, exactly the bytes that go to Kafka
 * @param headers CloudEvents binary-mode headers (and later the trace context)
 */
public record OutboxEntry(
        String eventId,
        String type,
        String topic,
        String key,
        String payload,
        Map<String, String> headers,
        Instant createdAt) {

    public static OutboxEntry pending(EventEnvelope event, EventCodec codec, Instant now) {
        return new OutboxEntry(
                event.eventId().toString(),
                event.type(),
                event.eventType().topic(),
                event.patientId(),
                codec.encodeToString(event),
                CloudEventHeaders.of(event),
                now);
    }

    /** The same entry with these headers added (the trace context), the CloudEvents ones kept. */
    public OutboxEntry withHeaders(Map<String, String> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        extra.forEach(all::putIfAbsent);
        return new OutboxEntry(eventId, type, topic, key, payload, all, createdAt);
    }

    public byte[] payloadBytes() {
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
