package org.footdrop.support.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotent creates without a lookup: the record id is derived from the caller, the endpoint and
 * the {@code Idempotency-Key}, so a retried create collides on {@code _id} (the one index the
 * embedded store always uses) and two concurrent duplicates cannot both be stored. Keys live in the
 * record's own document, so they are kept as long as the record (far beyond 24 hours).
 */
public final class IdempotentRecordIds {

    private IdempotentRecordIds() {}

    /** A new random id without a key, else the id the key always maps to. */
    public static UUID recordId(String caller, String endpoint, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID();
        }
        return UUID.nameUUIDFromBytes(
                (caller + '\n' + endpoint + '\n' + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A fingerprint of the request as parsed JSON (not bytes): re-serialized from the bound request
     * with sorted keys, so whitespace and key order do not matter.
     */
    public static String requestHash(JsonMapper mapper, Object request) {
        try {
            byte[] canonical = mapper.writer()
                    .with(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsBytes(mapper.valueToTree(request));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
