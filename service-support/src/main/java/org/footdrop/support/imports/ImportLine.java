package org.footdrop.support.imports;

import java.util.List;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.FieldProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One line of an import file: a record's kind, the clinic's key for it, what to do with it and the
 * same body the per-record API takes.
 *
 * <pre>{"kind":"assessment","key":"a-1","body":{...}}
 * {"kind":"assessment","key":"a-1","action":"amend","body":{...}}
 * {"kind":"assessment","key":"a-1","action":"void","patientId":"p-1","reason":"wrong patient"}
 * {"kind":"therapySession","key":"s-1","patientId":"p-1","therapyKey":"t-1","body":{...}}</pre>
 *
 * @param number the line's number in the file, from 1
 * @param patientId the body's patientId, or the line's own where the body has none (voids, sessions)
 * @param fields the whole line, for what only some kinds carry (a session's {@code therapyKey})
 * @param system the job's identifier system, which the line's keys (and the keys it names) belong to
 */
public record ImportLine(
        long number,
        String kind,
        String key,
        Action action,
        String patientId,
        JsonNode body,
        String reason,
        ObjectNode fields,
        String system) {

    public enum Action {
        CREATE,
        AMEND,
        VOID
    }

    /** The line's own fields; anything else is refused, as unknown fields are by the API. */
    static final List<String> NAMES = List.of("kind", "key", "action", "patientId", "therapyKey", "body", "reason");

    static final int MAX_KEY = 128;

    /** Reads a parsed line; refused when its own fields (not its body) are wrong. */
    static ImportLine of(long number, JsonNode tree, String system) {
        if (!(tree instanceof ObjectNode line)) {
            throw invalid("$", "a line must be one JSON object");
        }
        for (String name : line.propertyNames()) {
            if (!NAMES.contains(name)) {
                throw invalid(name, "unknown field");
            }
        }
        String kind = text(line, "kind", true);
        String key = text(line, "key", true);
        if (key.length() > MAX_KEY) {
            throw invalid("key", "at most " + MAX_KEY + " characters");
        }
        Action action;
        try {
            action = Action.valueOf(
                    text(line, "action", false) == null
                            ? "CREATE"
                            : line.get("action").asString().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("action", "must be one of create, amend, void");
        }
        JsonNode body = line.get("body");
        if (action == Action.VOID) {
            if (body != null) {
                throw invalid("body", "a void takes no body, only its reason");
            }
            text(line, "reason", true);
        } else if (!(body instanceof ObjectNode)) {
            throw invalid("body", "required: the record as the API takes it");
        }
        String patientId = body != null
                        && body.get("patientId") != null
                        && body.get("patientId").isString()
                ? body.get("patientId").asString()
                : text(line, "patientId", false);
        String reason = text(line, "reason", false);
        return new ImportLine(number, kind, key, action, patientId, body, reason, line, system);
    }

    /** The patient, required of a line whose body does not name one. */
    public String requirePatientId() {
        if (patientId == null) {
            throw invalid("patientId", "required on this line: its body does not name the patient");
        }
        return patientId;
    }

    /** A field of the line beside the body, required. */
    public String requireField(String name) {
        return text(fields, name, true);
    }

    private static String text(ObjectNode line, String name, boolean required) {
        JsonNode value = line.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw invalid(name, "required");
            }
            return null;
        }
        if (!value.isString() || value.asString().isBlank()) {
            throw invalid(name, "must be a non-blank string");
        }
        return value.asString();
    }

    static ClinicalProblemException invalid(String field, String reason) {
        return ClinicalProblemException.invalid(List.of(new FieldProblem(field, reason)));
    }
}
