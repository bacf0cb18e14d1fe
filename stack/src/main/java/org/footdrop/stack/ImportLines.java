package org.footdrop.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.footdrop.contract.EventJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the lines of an import file (docs/importing.md): one JSON object per line, a record's
 * create, amend or void under the clinic's key. Bodies are built by the caller as the per-record API
 * takes them; this owns only the line around them.
 */
public final class ImportLines {

    private final Writer out;
    private long written;

    public ImportLines(Writer out) {
        this.out = out;
    }

    /** A new record, e.g. kind {@code diagnosis} with its body. */
    public void create(String kind, String key, ObjectNode body) {
        write(line(kind, key, null).set("body", body));
    }

    /** The full new state of a record imported earlier under this key. */
    public void amend(String kind, String key, ObjectNode body) {
        write(line(kind, key, "amend").set("body", body));
    }

    /** A record entered in error; the reason stays in the service. */
    public void voidRecord(String kind, String key, String patientId, String reason) {
        write(line(kind, key, "void").put("patientId", patientId).put("reason", reason));
    }

    /** A session of the therapy imported under {@code therapyKey}. */
    public void therapySession(String key, String patientId, String therapyKey, ObjectNode body) {
        write(line("therapySession", key, null)
                .put("patientId", patientId)
                .put("therapyKey", therapyKey)
                .set("body", body));
    }

    /** An empty body to fill in. */
    public static ObjectNode body() {
        return EventJson.mapper().createObjectNode();
    }

    public long written() {
        return written;
    }

    private static ObjectNode line(String kind, String key, String action) {
        ObjectNode line = body().put("kind", kind).put("key", key);
        return action == null ? line : line.put("action", action);
    }

    private void write(ObjectNode line) {
        try {
            out.write(EventJson.mapper().writeValueAsString(line));
            out.write('\n');
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
