package org.footdrop.support.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.bson.Document;
import org.footdrop.support.request.RequestContext;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotent writes without a lookup. A create's record id is derived from the caller, the endpoint
 * and the {@code Idempotency-Key}, so a retried create collides on {@code _id} (the one index the
 * embedded store always uses) and two concurrent duplicates cannot both be stored. An amend's or a
 * void's key is remembered in the record's own document, so keys live as long as the record.
 */
final class IdempotencyKeys {

    static final String USED_KEYS = "idempotencyKeys";

    private final JsonMapper json;
    private final ObjectWriter canonical;

    IdempotencyKeys(JsonMapper json) {
        this.json = json;
        this.canonical = json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** A new random id without a key, else the id the key always maps to. */
    static UUID recordId(RequestContext context, String endpoint) {
        if (context.idempotencyKey() == null) {
            return UUID.randomUUID();
        }
        return UUID.nameUUIDFromBytes((context.client() + '\n' + endpoint + '\n' + context.idempotencyKey())
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A fingerprint of the stored state as JSON (not bytes): serialized with sorted keys, so
     * whitespace and key order of the request do not matter.
     */
    String fingerprint(Object state) {
        return sha256(canonical.writeValueAsBytes(json.valueToTree(state)));
    }

    static String fingerprintOfReason(String reason) {
        return sha256((reason == null ? "" : reason).getBytes(StandardCharsets.UTF_8));
    }

    /** The field a key is remembered under: hashed, so no dot or dollar from a header reaches a path. */
    static String field(RequestContext context, String method) {
        String key = context.idempotencyKey();
        return key == null
                ? null
                : "k" + sha256((context.client() + '\n' + method + '\n' + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The revision an earlier request with this key wrote, or null; refused if its body differed. */
    static Integer answeredRevision(Document current, String field, String fingerprint) {
        if (field == null
                || !(current.get(USED_KEYS) instanceof Document keys)
                || !(keys.get(field) instanceof Document used)) {
            return null;
        }
        if (!fingerprint.equals(used.getString("requestHash"))) {
            throw reused();
        }
        return used.getInteger("revision");
    }

    /** Remembers the key's request; an import job's too, so a resumed job knows its own corrections. */
    static void remember(Update update, String field, String fingerprint, int revision, String job) {
        if (field != null) {
            Document used = new Document("requestHash", fingerprint).append("revision", revision);
            if (job != null) {
                used.append("job", job);
            }
            update.set(USED_KEYS + "." + field, used);
        }
    }

    /** Whether the record remembers the key's request as written by {@code job}. */
    static boolean answeredFor(Document current, String field, String job) {
        return field != null
                && job != null
                && current.get(USED_KEYS) instanceof Document keys
                && keys.get(field) instanceof Document used
                && job.equals(used.getString("job"));
    }

    static RecordRefusedException reused() {
        return new RecordRefusedException(
                RecordRefusedException.Reason.KEY_REUSED,
                "This Idempotency-Key was already used with a different request body");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
