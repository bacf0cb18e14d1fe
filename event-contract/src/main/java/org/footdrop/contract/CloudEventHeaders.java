package org.footdrop.contract;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The envelope as CloudEvents 1.0 binary-mode Kafka headers, so brokers, tools and tracing can
 * route on them without parsing the payload. Extension names are lowercase as the spec requires.
 */
public final class CloudEventHeaders {

    public static final String SPECVERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SCHEMA_VERSION = "ce_schemaversion";
    public static final String RECORDED_AT = "ce_recordedat";
    public static final String CORRELATION_ID = "ce_correlationid";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {}

    /** Header name to value, in a stable order. Absent optional attributes are left out. */
    public static Map<String, String> of(EventEnvelope event) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPECVERSION, "1.0");
        headers.put(ID, event.eventId().toString());
        headers.put(TYPE, event.type());
        headers.put(SOURCE, event.source());
        if (event.occurredAt() != null) {
            headers.put(TIME, DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
        }
        headers.put(SUBJECT, event.patientId());
        headers.put(SCHEMA_VERSION, Integer.toString(event.schemaVersion()));
        if (event.recordedAt() != null) {
            headers.put(RECORDED_AT, DateTimeFormatter.ISO_INSTANT.format(event.recordedAt()));
        }
        if (event.correlationId() != null) {
            headers.put(CORRELATION_ID, event.correlationId());
        }
        headers.put(CONTENT_TYPE, "application/json");
        return headers;
    }
}
