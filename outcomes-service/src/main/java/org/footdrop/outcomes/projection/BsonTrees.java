package org.footdrop.outcomes.projection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Event JSON to BSON and back without losing exactness: decimals become Decimal128, never binary
 * doubles, so that 0.72 - 0.62 stays 0.10.
 */
final class BsonTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BsonTrees() {}

    static Object toBson(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            Document document = new Document();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                document.put(field.getKey(), toBson(field.getValue()));
            }
            return document;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(toBson(item)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
        }
        if (node.isNumber()) {
            return new Decimal128(node.decimalValue());
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asString();
    }

    static JsonNode toJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, item) -> object.set(String.valueOf(key), toJson(item)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value instanceof Decimal128 decimal) {
            return NODES.numberNode(decimal.bigDecimalValue());
        }
        if (value instanceof BigDecimal decimal) {
            return NODES.numberNode(decimal);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        return NODES.stringNode(String.valueOf(value));
    }
}
