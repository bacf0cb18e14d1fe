package org.footdrop.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.footdrop.contract.CloudEventHeaders;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventEnvelope;

/**
 * An event waiting in (or already sent from) the outbox. It is stored inside the clinical record's
 * own document, under {@code outbox.<eventId>}, so record and event are written in one atomic
 * single-document write.
 *
 * @param payload the event as JSON, exactly the bytes that go to Kafka
 * @param headers CloudEvents binary-mode headers (and later the trace context)
 * @param publishedAt null while pending
 */
public record OutboxEntry(
        String eventId,
        String type,
        String topic,
        String key,
        String payload,
        Map<String, String> headers,
        Instant createdAt,
        Instant publishedAt) {

    public static OutboxEntry pending(EventEnvelope event, EventCodec codec, Instant now) {
        return new OutboxEntry(event.eventId().toString(), event.type(), event.eventType().topic(),
                event.patientId(), codec.encodeToString(event), CloudEventHeaders.of(event), now, null);
    }

    /** The same entry with these headers added (the trace context), the CloudEvents ones kept. */
    public OutboxEntry withHeaders(Map<String, String> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        extra.forEach(all::putIfAbsent);
        return new OutboxEntry(eventId, type, topic, key, payload, all, createdAt, publishedAt);
    }

    public byte[] payloadBytes() {
        return payload.getBytes(StandardCharsets.UTF_8);
    }

    public boolean isPublished() {
        return publishedAt != null;
    }
}
