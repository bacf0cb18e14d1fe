package org.footdrop.support.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.footdrop.support.request.RequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;

/**
 * The stored shape of a clinical record, owned here alone: one document holding the current state,
 * every revision in {@code history} (who wrote it, when), the keys it answered and its outbox.
 * The state is mapped by Spring Data from the kind's stored-state type, never from a request type.
 *
 * <p>A history entry without {@code state} had the record's current state: the state is stored once
 * until an amend replaces it, and that amend writes the old state into the entries that relied on
 * it ({@link #historyBefore}). Records of earlier releases, whose every entry has its state, read the
 * same way.
 */
final class RecordDocuments {

    private static final Logger log = LoggerFactory.getLogger(RecordDocuments.class);

    static final String PATIENT_ID = "patientId";
    static final String REVISION = "revision";
    static final String REVISION_KEY = "revisionKey";
    static final String STATUS = "status";
    static final String STATE = "state";
    static final String REQUEST_HASH = "requestHash";
    static final String HISTORY = "history";
    static final String RECORDED_AT = "recordedAt";
    static final String AMENDED_AT = "amendedAt";
    static final String VOIDED_AT = "voidedAt";
    static final String VOID_REASON = "voidReason";
    static final String OUTBOX = "outbox";
    static final String IDENTIFIER = "identifier";
    static final String IMPORT_JOB = "importJob";

    private final MongoConverter converter;

    RecordDocuments(MongoConverter converter) {
        this.converter = converter;
    }

    /** Revision 1 of a record, its outbox not yet added. */
    Document first(
            UUID id,
            String patientId,
            ExternalIdentifier identifier,
            Document state,
            String fingerprint,
            Instant now,
            RequestContext context) {
        String by = context.client();
        Document document = new Document("_id", id.toString())
                .append(PATIENT_ID, patientId)
                .append(REVISION, 1)
                .append(REVISION_KEY, revisionKey(id, 1))
                .append(STATUS, RecordStatus.ACTIVE.name())
                .append(STATE, state)
                .append(REQUEST_HASH, fingerprint)
                .append(RECORDED_AT, Date.from(now))
                .append(HISTORY, List.of(history(1, RecordStatus.ACTIVE, now, by)));
        if (identifier != null) {
            document.append(
                    IDENTIFIER, new Document("system", identifier.system()).append("value", identifier.value()));
        }
        if (context.job() != null) {
            document.append(IMPORT_JOB, context.job()); // provenance: the job that brought it in
        }
        return document;
    }

    /**
     * Each revision keeps who wrote it, durably with the record, beside the audit log's account. A
     * new entry has the current state, so it does not repeat it.
     */
    static Document history(int revision, RecordStatus status, Instant at, String by) {
        return new Document(REVISION, revision)
                .append(STATUS, status.name())
                .append("at", Date.from(at))
                .append("by", by);
    }

    /**
     * The history of {@code current} as it must be stored once an amend replaces the current state:
     * every entry that relied on that state gets it written in, so each revision stays readable.
     */
    static List<Document> historyBefore(Document current) {
        Document state = current.get(STATE, Document.class);
        List<Document> history = new ArrayList<>();
        for (Document entry : current.getList(HISTORY, Document.class)) {
            history.add(entry.containsKey(STATE) ? entry : new Document(entry).append(STATE, state));
        }
        return history;
    }

    Document state(Object state) {
        Document document = new Document();
        converter.write(state, document);
        document.remove("_class");
        return document;
    }

    /**
     * Revision 1 as {@link #first} just built it, with the state it was built from: a bulk write
     * answers its records without mapping each state back from the document it wrote.
     */
    <S> StoredRecord<S> written(Document document, S state, Instant now, ExternalIdentifier identifier) {
        return new StoredRecord<>(
                UUID.fromString(document.getString("_id")),
                document.getString(PATIENT_ID),
                1,
                RecordStatus.ACTIVE,
                state,
                now,
                null,
                null,
                identifier);
    }

    <S> StoredRecord<S> read(RecordKind<S> kind, Document document) {
        return new StoredRecord<>(
                UUID.fromString(document.getString("_id")),
                document.getString(PATIENT_ID),
                document.getInteger(REVISION),
                RecordStatus.valueOf(document.getString(STATUS)),
                stateOf(kind, document),
                instant(document, RECORDED_AT),
                instant(document, AMENDED_AT),
                instant(document, VOIDED_AT),
                identifier(document));
    }

    /** The record as it was answered at {@code revision}, from its history. */
    <S> StoredRecord<S> atRevision(RecordKind<S> kind, Document document, int revision) {
        List<Document> history = document.getList(HISTORY, Document.class);
        Document entry = history.stream()
                .filter(h -> h.getInteger(REVISION) == revision)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no history for revision " + revision));
        RecordStatus status = RecordStatus.valueOf(entry.getString(STATUS));
        Instant at = entry.getDate("at").toInstant();
        // amended at the last amend up to this revision, as the void's own answer said
        Instant amendedAt = history.stream()
                .filter(h -> h.getInteger(REVISION) > 1 && h.getInteger(REVISION) <= revision)
                .filter(h -> RecordStatus.ACTIVE.name().equals(h.getString(STATUS)))
                .map(h -> h.getDate("at").toInstant())
                .reduce((earlier, later) -> later)
                .orElse(null);
        return new StoredRecord<>(
                UUID.fromString(document.getString("_id")),
                document.getString(PATIENT_ID),
                revision,
                status,
                converter.read(kind.stateType(), stateAt(document, entry)),
                instant(document, RECORDED_AT),
                amendedAt,
                status == RecordStatus.VOIDED ? at : null,
                identifier(document));
    }

    <S> S stateOf(RecordKind<S> kind, Document document) {
        return converter.read(kind.stateType(), document.get(STATE, Document.class));
    }

    /** The state of one history entry: its own, or the current one when it relied on that. */
    private static Document stateAt(Document document, Document entry) {
        Document own = entry.get(STATE, Document.class);
        return own != null ? own : document.get(STATE, Document.class);
    }

    static boolean voided(Document document) {
        return RecordStatus.VOIDED.name().equals(document.getString(STATUS));
    }

    /** Written for an instance of an earlier release during a rolling upgrade, which compares and sets on it. */
    static String revisionKey(UUID id, int revision) {
        return id + "#" + revision;
    }

    /**
     * An earlier release compared-and-set on a unique index of {@link #REVISION_KEY}; the record's id
     * and revision do it now, so the index goes from a collection that has it: one index fewer written
     * with every record.
     */
    static void dropRevisionKeyIndex(MongoTemplate mongo, String collection) {
        if (!mongo.collectionExists(collection)) {
            return;
        }
        IndexOperations indexes = mongo.indexOps(collection);
        for (IndexInfo index : indexes.getIndexInfo()) {
            if (index.isIndexForFields(List.of(REVISION_KEY))) {
                try {
                    // by its keys, not its name: mongo-java-server drops an index by name from every
                    // collection of the database that has one so named
                    mongo.getCollection(collection).dropIndex(new Document(REVISION_KEY, 1));
                    log.info("Dropped the index {} of {}: revisions are compared by id", index.getName(), collection);
                } catch (RuntimeException droppedMeanwhile) {
                    log.debug(
                            "Index {} of {} not dropped here: {}",
                            index.getName(),
                            collection,
                            droppedMeanwhile.toString());
                }
            }
        }
    }

    private static ExternalIdentifier identifier(Document document) {
        Document identifier = document.get(IDENTIFIER, Document.class);
        return identifier == null
                ? null
                : new ExternalIdentifier(identifier.getString("system"), identifier.getString("value"));
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
