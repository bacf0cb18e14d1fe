package org.footdrop.outcomes.projection;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.EventType;

/**
 * The pure part of the projection: which fields one event sets in its patient's document. Every
 * field is keyed by record id and revision (or the event id), so applying the same events in any
 * order, any number of times, sets the same fields to the same values: idempotent and
 * order-independent by the shape of the update, with no filter but {@code _id}. Derived values are
 * never stored here; they are computed from these facts when read.
 */
public final class PatientProjector {

    public static final String APPLIED_EVENTS = "appliedEvents";

    /** A revision's import job, absent for a live write. */
    static final String IMPORT_JOB = "importJob";

    private PatientProjector() {}

    /** Field path to value, for one {@code $set}. */
    public static Map<String, Object> fieldsFor(EventEnvelope event) {
        EventType type = event.eventType();
        String record = type.recordType().plural() + "." + event.payload().recordId();
        Map<String, Object> fields = new LinkedHashMap<>();
        if (event.payload().voidsRecord()) {
            fields.put(
                    record + ".voided",
                    withImportJob(
                            new Document("revision", event.payload().revision())
                                    .append("eventId", event.eventId().toString()),
                            event));
        } else {
            fields.put(
                    record + ".revisions.r" + event.payload().revision(),
                    withImportJob(
                            new Document()
                                    .append("eventId", event.eventId().toString())
                                    .append("type", event.type())
                                    .append(
                                            "occurredAt",
                                            event.occurredAt() == null
                                                    ? null
                                                    : event.occurredAt().toString())
                                    .append(
                                            "recordedAt",
                                            event.recordedAt() == null
                                                    ? null
                                                    : event.recordedAt().toString())
                                    .append("payload", PayloadMapping.write(event.payload())),
                            event));
        }
        fields.put(APPLIED_EVENTS + "." + event.eventId(), type.wireName());
        return fields;
    }

    /**
     * The revision's provenance, only when a bulk import brought it in: a live write's revision has
     * no such field, so its document is the same as before imports existed, and documents stored
     * before them read as live writes.
     */
    private static Document withImportJob(Document revision, EventEnvelope event) {
        if (event.importJob() != null) {
            revision.append(IMPORT_JOB, event.importJob());
        }
        return revision;
    }
}
