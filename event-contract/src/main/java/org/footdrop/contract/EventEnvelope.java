package org.footdrop.contract;

import java.time.Instant;
import java.util.UUID;

/**
 * One clinical event as it travels on Kafka: the envelope (docs/integrating.md, "The event contract") and the payload.
 *
 * @param type the stable wire name of the event type, e.g. {@code intake.diagnosis-recorded}
 * @param occurredAt clinical time (when it happened to the patient)
 * @param recordedAt when the producing service accepted it
 * @param source the producing service, e.g. {@code intake-service}
 * @param importJob the bulk import that brought the record in, or null for a live write: its only
 *        provenance, so that checks of live data entry (such as "entered late") can leave it out
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int schemaVersion,
        String patientId,
        Instant occurredAt,
        Instant recordedAt,
        String source,
        String correlationId,
        String importJob,
        EventPayload payload) {

    public EventEnvelope {
        required(eventId, "eventId");
        required(type, "type");
        required(patientId, "patientId");
        required(payload, "payload");
    }

    /** An argument, not a programming error: a decoded event may lack a field its schema missed. */
    private static void required(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    /** A new event of the payload's own type at the current schema version. */
    public static EventEnvelope of(
            EventPayload payload,
            String patientId,
            Instant occurredAt,
            Instant recordedAt,
            String source,
            String correlationId) {
        return of(payload, patientId, occurredAt, recordedAt, source, correlationId, null);
    }

    /** The same, for a record a bulk import brought in. */
    public static EventEnvelope of(
            EventPayload payload,
            String patientId,
            Instant occurredAt,
            Instant recordedAt,
            String source,
            String correlationId,
            String importJob) {
        return new EventEnvelope(
                UUID.randomUUID(),
                payload.eventType().wireName(),
                EventType.CURRENT_VERSION,
                patientId,
                occurredAt,
                recordedAt,
                source,
                correlationId,
                importJob,
                payload);
    }

    public EventType eventType() {
        return payload.eventType();
    }
}
