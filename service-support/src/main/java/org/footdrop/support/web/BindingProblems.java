package org.footdrop.support.web;

import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A JSON value that cannot be bound, as the field it names and why: the API's problem for a bad
 * body, and a bulk import's for a bad line, are the same.
 */
public final class BindingProblems {

    private BindingProblems() {}

    /** The field problem of a binding error that knows its path. */
    public static FieldProblem of(JacksonException e) {
        return new FieldProblem(path(e), reason(e));
    }

    private static String path(JacksonException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "$" : path;
    }

    private static String reason(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return "must be one of " + java.util.Arrays.toString(target.getEnumConstants());
            }
            return "not a valid " + (target == null ? "value" : typeName(target));
        }
        return "wrong type or format";
    }

    static String typeName(Class<?> type) {
        Map<String, String> names = Map.of(
                "LocalDate",
                "date (yyyy-MM-dd)",
                "Instant",
                "instant (ISO-8601 with Z)",
                "BigDecimal",
                "number",
                "Integer",
                "integer",
                "UUID",
                "UUID");
        return names.getOrDefault(type.getSimpleName(), type.getSimpleName());
    }
}
