package org.footdrop.contract;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.footdrop.contract.PoisonEventException.Reason;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes events and reads them back, telling records that can never be projected (poison) apart
 * from good ones: unparseable, unknown type, unsupported schema version, invalid against the
 * committed schema, or larger than the limit.
 */
public final class EventCodec {

    /** Below the broker's 1 MB default; a clinical event is a few hundred bytes. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 64 * 1024;

    private final JsonMapper mapper;
    private final EventSchemas schemas;
    private final int maxEventBytes;

    public EventCodec() {
        this(EventJson.mapper(), new EventSchemas(), DEFAULT_MAX_EVENT_BYTES);
    }

    public EventCodec(JsonMapper mapper, EventSchemas schemas, int maxEventBytes) {
        this.mapper = mapper;
        this.schemas = schemas;
        this.maxEventBytes = maxEventBytes;
    }

    public byte[] encode(EventEnvelope event) {
        return mapper.writeValueAsBytes(event);
    }

    public String encodeToString(EventEnvelope event) {
        return new String(encode(event), StandardCharsets.UTF_8);
    }

    /** Reads one event, or throws {@link PoisonEventException} saying why it can never be read. */
    public EventEnvelope decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new PoisonEventException(Reason.UNPARSEABLE, "empty record");
        }
        if (bytes.length > maxEventBytes) {
            throw new PoisonEventException(Reason.TOO_LARGE, bytes.length + " bytes > " + maxEventBytes);
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(bytes);
        } catch (JacksonException e) {
            throw new PoisonEventException(Reason.UNPARSEABLE, "not JSON: " + e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode)) {
            throw new PoisonEventException(Reason.UNPARSEABLE, "not a JSON object");
        }
        String typeName = tree.path("type").asString(null);
        EventType type = EventType.fromWireName(typeName)
                .orElseThrow(() -> new PoisonEventException(Reason.UNKNOWN_TYPE, "type " + typeName));
        JsonNode version = tree.path("schemaVersion");
        if (!version.isInt() || !type.supportedVersions().contains(version.intValue())) {
            throw new PoisonEventException(Reason.UNSUPPORTED_VERSION, type.wireName() + " version " + version);
        }
        List<String> violations =
                schemas.violations(type, version.intValue(), new String(bytes, StandardCharsets.UTF_8));
        if (!violations.isEmpty()) {
            throw new PoisonEventException(Reason.INVALID, String.join("; ", violations));
        }
        return toEnvelope((ObjectNode) tree, type);
    }

    private EventEnvelope toEnvelope(ObjectNode tree, EventType type) {
        try {
            EventPayload payload = mapper.treeToValue(tree.get("payload"), type.payloadType());
            ObjectNode envelope = tree.deepCopy();
            envelope.remove("payload");
            EnvelopeFields fields = mapper.treeToValue(envelope, EnvelopeFields.class);
            return new EventEnvelope(
                    fields.eventId(),
                    fields.type(),
                    fields.schemaVersion(),
                    fields.patientId(),
                    fields.occurredAt(),
                    fields.recordedAt(),
                    fields.source(),
                    fields.correlationId(),
                    fields.importJob(),
                    payload);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new PoisonEventException(Reason.INVALID, "cannot bind " + type.wireName() + ": " + e.getMessage());
        }
    }

    /** The envelope without its payload, bound first so that the payload can be bound by type. */
    private record EnvelopeFields(
            java.util.UUID eventId,
            String type,
            int schemaVersion,
            String patientId,
            java.time.Instant occurredAt,
            java.time.Instant recordedAt,
            String source,
            String correlationId,
            String importJob) {}
}
