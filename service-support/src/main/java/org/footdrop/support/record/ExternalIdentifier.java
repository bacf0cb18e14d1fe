package org.footdrop.support.record;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A clinic's own id for a record: the system that issued it (a URI or a short name) and the value
 * in that system. Unique per kind of record: the record's id is derived from it, so a second record
 * of the same kind with the same identifier collides on {@code _id} and cannot be stored. A bulk
 * import's line keys and FHIR's identifiers are both this.
 */
public record ExternalIdentifier(String system, String value) {

    public ExternalIdentifier {
        if (system == null || system.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException("an external identifier needs a system and a value");
        }
    }

    /** The id of the one record of this kind that may carry this identifier. */
    UUID recordId(RecordKind<?> kind) {
        return UUID.nameUUIDFromBytes(
                ("identifier\n" + kind.collection() + '\n' + system + '\n' + value).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return system + "|" + value;
    }
}
