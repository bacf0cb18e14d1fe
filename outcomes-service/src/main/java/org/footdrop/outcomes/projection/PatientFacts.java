package org.footdrop.outcomes.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.footdrop.contract.EventPayload;
import org.footdrop.contract.RecordType;
import org.footdrop.contract.intake.IntakePayload;
import org.footdrop.contract.treatment.TreatmentPayload;

/** The facts of one patient's document, read back into the contract's types. */
public record PatientFacts(
        String patientId,
        List<RecordFacts<IntakePayload>> diagnoses,
        List<RecordFacts<IntakePayload>> assessments,
        List<RecordFacts<TreatmentPayload>> injections,
        List<RecordFacts<TreatmentPayload>> therapies,
        List<RecordFacts<TreatmentPayload>> therapySessions,
        int appliedEvents) {

    /** Every record of the patient, of every kind. */
    public List<RecordFacts<?>> all() {
        List<RecordFacts<?>> all = new ArrayList<>();
        all.addAll(diagnoses);
        all.addAll(assessments);
        all.addAll(injections);
        all.addAll(therapies);
        all.addAll(therapySessions);
        return all;
    }

    public static PatientFacts from(Document document) {
        Document applied = document.get(PatientProjector.APPLIED_EVENTS, Document.class);
        return new PatientFacts(
                String.valueOf(document.get("_id")),
                records(document, RecordType.DIAGNOSIS, IntakePayload.class),
                records(document, RecordType.ASSESSMENT, IntakePayload.class),
                records(document, RecordType.INJECTION, TreatmentPayload.class),
                records(document, RecordType.THERAPY, TreatmentPayload.class),
                records(document, RecordType.THERAPY_SESSION, TreatmentPayload.class),
                applied == null ? 0 : applied.size());
    }

    private static <P extends EventPayload> List<RecordFacts<P>> records(
            Document document, RecordType type, Class<P> family) {
        Document records = document.get(type.plural(), Document.class);
        List<RecordFacts<P>> result = new ArrayList<>();
        if (records == null) {
            return result;
        }
        for (Map.Entry<String, Object> entry : records.entrySet()) {
            result.add(record(UUID.fromString(entry.getKey()), (Document) entry.getValue(), family));
        }
        result.sort(Comparator.comparing(r -> r.recordId().toString()));
        return result;
    }

    private static <P extends EventPayload> RecordFacts<P> record(UUID id, Document record, Class<P> family) {
        Document voided = record.get("voided", Document.class);
        Document revisions = record.get("revisions", Document.class);
        Document latest = null;
        int latestRevision = 0;
        if (revisions != null) {
            for (Object value : revisions.values()) {
                Document revision = (Document) value;
                int number = ((Document) revision.get("payload")).getInteger("revision");
                if (number > latestRevision) {
                    latestRevision = number;
                    latest = revision;
                }
            }
        }
        P payload = latest == null
                ? null
                : PayloadMapping.read(payloadType(latest, family), latest.get("payload", Document.class));
        int revision = voided != null ? Math.max(voided.getInteger("revision"), latestRevision) : latestRevision;
        return new RecordFacts<>(
                id,
                revision,
                payload,
                instant(latest, "occurredAt"),
                instant(latest, "recordedAt"),
                voided != null,
                latest == null ? null : latest.getString(PatientProjector.IMPORT_JOB));
    }

    /** The payload's own type: a record's first and later revisions are different event types. */
    private static <P extends EventPayload> Class<P> payloadType(Document revision, Class<P> family) {
        @SuppressWarnings("unchecked")
        Class<P> type = (Class<P>) org.footdrop.contract.EventType.fromWireName(revision.getString("type"))
                .map(org.footdrop.contract.EventType::payloadType)
                .orElseThrow(() -> new IllegalStateException("stored revision without a known type"));
        return type;
    }

    private static Instant instant(Document revision, String field) {
        return revision == null || revision.getString(field) == null ? null : Instant.parse(revision.getString(field));
    }
}
