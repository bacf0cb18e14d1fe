package org.footdrop.contract;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committed JSON Schemas, one per event type and version, under
 * {@code contract/schemas/<type>/v<version>.schema.json} on the classpath. Golden samples sit next
 * to them as {@code contract/samples/<type>/v<version>.json}.
 */
public final class EventSchemas {

    /** The schemas' $id base; resolved to the classpath so that nothing is fetched over the network. */
    public static final String ID_BASE = "https://schemas.footdrop.org/contract/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(ID_BASE, "classpath:contract/schemas/")));
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    public static String schemaPath(EventType type, int version) {
        return "contract/schemas/" + type.wireName() + "/v" + version + ".schema.json";
    }

    public static String samplePath(EventType type, int version) {
        return "contract/samples/" + type.wireName() + "/v" + version + ".json";
    }

    /** The violations of the whole event (envelope and payload), as "path: message"; empty when valid. */
    public List<String> violations(EventType type, int version, String eventJson) {
        JsonSchema schema = schemas.computeIfAbsent(
                type.wireName() + "/v" + version + ".schema.json",
                relative -> FACTORY.getSchema(SchemaLocation.of(ID_BASE + relative)));
        return schema.validate(eventJson, InputFormat.JSON).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }
}
