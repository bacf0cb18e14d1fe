package org.footdrop.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
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
 * <p>Stored, it keeps only the headers the payload does not already say (the trace context): the
 * CloudEvents ones are derived from the payload again when a stored entry is read back
 * ({@link #restored}), which saves about a fifth of a record document. Entries stored by earlier
 * releases carry all their headers and are sent with them as they are.
 *
 * @param payload the event as JSON, exactly the bytes that go to Kafka
 * @param headers CloudEvents binary-mode headers and the trace context; only the latter when stored
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
        Map<String, String> all = new LinkedHashMap<>(headers);
        extra.forEach(all::putIfAbsent);
        return new OutboxEntry(eventId, type, topic, key, payload, all, createdAt);
    }

    /** The entry as stored: without the headers {@link #restored} derives from the payload. */
    public OutboxEntry stored() {
        Map<String, String> extra = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (!isCloudEvent(name)) {
                    extra.put(name, value);
                }
            });
        }
        return new OutboxEntry(eventId, type, topic, key, payload, extra.isEmpty() ? null : extra, createdAt);
    }

    /**
     * A stored entry with its CloudEvents headers again, derived from the payload in the order
     * {@link #pending} gave them, the stored extras after them: the same headers as when it was
     * written. An entry stored with all its headers (an earlier release) is returned as it is.
     */
    public OutboxEntry restored(EventCodec codec) {
        if (headers != null && headers.containsKey(CloudEventHeaders.SPECVERSION)) {
            return this;
        }
        Map<String, String> all = new LinkedHashMap<>(CloudEventHeaders.of(codec.decode(payloadBytes())));
        if (headers != null) {
            headers.forEach(all::putIfAbsent);
        }
        return new OutboxEntry(eventId, type, topic, key, payload, all, createdAt);
    }

    private static boolean isCloudEvent(String header) {
        return header.startsWith("ce_") || header.equals(CloudEventHeaders.CONTENT_TYPE);
    }

    public byte[] payloadBytes() {
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
