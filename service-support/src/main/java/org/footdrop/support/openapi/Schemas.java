package org.footdrop.support.openapi;

import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.stream.Stream;

/** Schemas built by hand, typed for OpenAPI 3.1 (which reads {@code types}) as for 3.0 ({@code type}). */
public final class Schemas {

    private Schemas() {}

    public static Schema<Object> typed(String type) {
        Schema<Object> schema = new Schema<>();
        schema.type(type);
        schema.addType(type);
        return schema;
    }

    public static Schema<Object> string(String description) {
        return typed("string").description(description);
    }

    public static Schema<Object> enumOf(List<String> values) {
        return enumOf(values.stream());
    }

    public static Schema<Object> enumOf(Stream<String> values) {
        Schema<Object> schema = typed("string");
        values.forEach(schema::addEnumItemObject);
        return schema;
    }

    public static Schema<Object> ref(String component) {
        return new Schema<>().$ref("#/components/schemas/" + component);
    }
}
