package org.footdrop.support.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.EventPayload;
import org.footdrop.support.audit.AuditTrail;
import org.footdrop.support.idempotency.IdempotentRecordIds;
import org.footdrop.support.outbox.OutboxEntry;
import org.footdrop.support.outbox.OutboxWriter;
import org.footdrop.support.outbox.TraceHeaders;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.FieldProblem;
import org.footdrop.support.web.ProblemTypes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The life of a clinical record: create (idempotent by key), amend (If-Match, next revision),
 * void (final). Each write is ONE single-document write of the record, its history and its outbox
 * event. Every read and write filters on a field with its own unique index ({@code _id} or
 * {@code revisionKey}), the only filters the embedded store serves without scanning.
 */
public class ClinicalRecords {

    static final String PATIENT_INDEX = "patient_index";

    private final MongoTemplate mongo;
    private final OutboxWriter outbox;
    private final EventCodec codec;
    private final JsonMapper json;
    private final Clock clock;
    private final TraceHeaders trace;
    private final Set<String> indexedCollections = ConcurrentHashMap.newKeySet();

    public ClinicalRecords(
            MongoTemplate mongo,
            OutboxWriter outbox,
            EventCodec codec,
            JsonMapper json,
            Clock clock,
            TraceHeaders trace) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.codec = codec;
        this.json = json;
        this.clock = clock;
        this.trace = trace;
    }

    /** @param created false when an earlier request with the same Idempotency-Key created it */
    public record Created<S>(StoredRecord<S> record, boolean created) {}

    /** Creates revision 1, or replays what an earlier request with the same key and body created. */
    public <S> Created<S> create(
            RecordKind<S> kind, S state, String caller, String idempotencyKey, String correlationId) {
        ensureIndexes(kind);
        UUID id = IdempotentRecordIds.recordId(caller, kind.createEndpoint(), idempotencyKey);
        String requestHash = IdempotentRecordIds.requestHash(json, state);
        Instant now = now();
        String patientId = kind.patientId(state);
        AuditTrail.patient(patientId);
        OutboxEntry event = event(kind, kind.recorded(id, state), patientId, state, now, correlationId);
        Document stateDocument = toBson(state);
        Document record = new Document("_id", id.toString())
                .append("patientId", patientId)
                .append("revision", 1)
                .append("revisionKey", revisionKey(id, 1))
                .append("status", RecordStatus.ACTIVE.name())
                .append("state", stateDocument)
                .append("requestHash", requestHash)
                .append("recordedAt", Date.from(now))
                .append("history", List.of(history(1, RecordStatus.ACTIVE, stateDocument, now, caller)))
                .append(
                        "outbox",
                        new Document(event.eventId(), mongo.getConverter().convertToMongoType(event)));
        // The patient's index first: a listing may point at a record whose write then failed (and skips
        // it), but never misses one that was stored.
        indexPatient(kind, patientId, id);
        try {
            outbox.insert(record, kind.collection(), id.toString(), List.of(event));
            return new Created<>(read(kind, record), true);
        } catch (DuplicateKeyException e) {
            Document existing = load(kind, id);
            if (!requestHash.equals(existing.getString("requestHash"))) {
                throw conflict("This Idempotency-Key was already used with a different request body");
            }
            return new Created<>(atRevision(kind, existing, 1), false);
        }
    }

    public <S> StoredRecord<S> find(RecordKind<S> kind, UUID id) {
        return read(kind, load(kind, id));
    }

    /** The patient's records of this kind, oldest first; voided ones included, marked so. */
    public <S> List<StoredRecord<S>> findByPatient(RecordKind<S> kind, String patientId) {
        Document index = mongo.findById(indexId(kind, patientId), Document.class, PATIENT_INDEX);
        if (index == null) {
            return List.of();
        }
        List<String> ids = index.getList("ids", String.class);
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, kind.collection()).stream()
                .map(document -> read(kind, document))
                .sorted(Comparator.comparing(StoredRecord<S>::recordedAt).thenComparing(r -> r.id().toString()))
                .toList();
    }

    /** The full new state as the next revision; {@code expectedRevision} from If-Match. */
    public <S> StoredRecord<S> amend(
            RecordKind<S> kind,
            UUID id,
            int expectedRevision,
            S state,
            String caller,
            String idempotencyKey,
            String correlationId) {
        Document current = load(kind, id);
        requireActive(kind, current);
        if (!current.getString("patientId").equals(kind.patientId(state))) {
            throw ClinicalProblemException.invalid(List.of(new FieldProblem(
                    "patientId", "cannot change on amend; void this record and record it for the right patient")));
        }
        String requestHash = IdempotentRecordIds.requestHash(json, state);
        String keyField = keyField(caller, "PUT", idempotencyKey);
        StoredRecord<S> replayed = replay(kind, current, keyField, requestHash);
        if (replayed != null) {
            return replayed;
        }
        requireRevision(current, expectedRevision);
        int next = expectedRevision + 1;
        Instant now = now();
        Document stateDocument = toBson(state);
        Update update = new Update()
                .set("revision", next)
                .set("revisionKey", revisionKey(id, next))
                .set("state", stateDocument)
                .set("amendedAt", Date.from(now))
                .push("history", history(next, RecordStatus.ACTIVE, stateDocument, now, caller));
        remember(update, keyField, requestHash, next);
        write(
                kind,
                id,
                expectedRevision,
                update,
                event(kind, kind.amended(id, next, state), kind.patientId(state), state, now, correlationId));
        return find(kind, id);
    }

    /** Marks the record entered in error: the next revision, final. The reason stays in this service. */
    public <S> StoredRecord<S> voidRecord(
            RecordKind<S> kind,
            UUID id,
            Integer expectedRevision,
            String reason,
            String caller,
            String idempotencyKey,
            String correlationId) {
        Document current = load(kind, id);
        String keyField = keyField(caller, "DELETE", idempotencyKey);
        String requestHash = sha256(reason == null ? "" : reason);
        StoredRecord<S> replayed = replay(kind, current, keyField, requestHash);
        if (replayed != null) {
            return replayed;
        }
        requireActive(kind, current);
        int revision = current.getInteger("revision");
        if (expectedRevision != null) {
            requireRevision(current, expectedRevision);
        }
        int next = revision + 1;
        Instant now = now();
        S state = stateOf(kind, current);
        Update update = new Update()
                .set("revision", next)
                .set("revisionKey", revisionKey(id, next))
                .set("status", RecordStatus.VOIDED.name())
                .set("voidedAt", Date.from(now))
                .set("voidReason", reason)
                .push("history", history(next, RecordStatus.VOIDED, current.get("state", Document.class), now, caller));
        remember(update, keyField, requestHash, next);
        write(
                kind,
                id,
                revision,
                update,
                event(kind, kind.voided(id, next, state), current.getString("patientId"), state, now, correlationId));
        return find(kind, id);
    }

    private <S> void write(RecordKind<S> kind, UUID id, int expectedRevision, Update update, OutboxEntry event) {
        // Compare-and-set on the unique revisionKey: exactly one of two concurrent writers of the same
        // revision matches; the other gets 412 instead of silently overwriting.
        boolean written = outbox.update(
                Query.query(Criteria.where("revisionKey").is(revisionKey(id, expectedRevision))),
                update,
                kind.collection(),
                id.toString(),
                List.of(event));
        if (!written) {
            requireRevision(load(kind, id), expectedRevision);
            throw stale(expectedRevision);
        }
    }

    private <S> StoredRecord<S> replay(RecordKind<S> kind, Document current, String keyField, String requestHash) {
        if (keyField == null
                || !(current.get("idempotencyKeys") instanceof Document keys)
                || !(keys.get(keyField) instanceof Document used)) {
            return null;
        }
        if (!requestHash.equals(used.getString("requestHash"))) {
            throw conflict("This Idempotency-Key was already used with a different request body");
        }
        return atRevision(kind, current, used.getInteger("revision"));
    }

    private static void remember(Update update, String keyField, String requestHash, int revision) {
        if (keyField != null) {
            update.set(
                    "idempotencyKeys." + keyField,
                    new Document("requestHash", requestHash).append("revision", revision));
        }
    }

    private <S> OutboxEntry event(
            RecordKind<S> kind, EventPayload payload, String patientId, S state, Instant now, String correlationId) {
        EventEnvelope envelope =
                EventEnvelope.of(payload, patientId, kind.occurredAt(state), now, kind.source(), correlationId);
        return OutboxEntry.pending(envelope, codec, now).withHeaders(trace.current());
    }

    private <S> Document load(RecordKind<S> kind, UUID id) {
        Document document = mongo.findById(id.toString(), Document.class, kind.collection());
        if (document == null) {
            throw ClinicalProblemException.notFound(kind.label() + " " + id);
        }
        AuditTrail.patient(document.getString("patientId"));
        return document;
    }

    private <S> StoredRecord<S> read(RecordKind<S> kind, Document document) {
        return new StoredRecord<>(
                UUID.fromString(document.getString("_id")),
                document.getString("patientId"),
                document.getInteger("revision"),
                RecordStatus.valueOf(document.getString("status")),
                stateOf(kind, document),
                instant(document, "recordedAt"),
                instant(document, "amendedAt"),
                instant(document, "voidedAt"));
    }

    /** The record as it was answered at {@code revision}, from its history. */
    private <S> StoredRecord<S> atRevision(RecordKind<S> kind, Document document, int revision) {
        Document entry = document.getList("history", Document.class).stream()
                .filter(h -> h.getInteger("revision") == revision)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no history for revision " + revision));
        RecordStatus status = RecordStatus.valueOf(entry.getString("status"));
        Instant at = entry.getDate("at").toInstant();
        return new StoredRecord<>(
                UUID.fromString(document.getString("_id")),
                document.getString("patientId"),
                revision,
                status,
                mongo.getConverter().read(kind.stateType(), entry.get("state", Document.class)),
                instant(document, "recordedAt"),
                revision == 1 || status == RecordStatus.VOIDED ? null : at,
                status == RecordStatus.VOIDED ? at : null);
    }

    private <S> S stateOf(RecordKind<S> kind, Document document) {
        return mongo.getConverter().read(kind.stateType(), document.get("state", Document.class));
    }

    private Document toBson(Object state) {
        Document document = new Document();
        mongo.getConverter().write(state, document);
        document.remove("_class");
        return document;
    }

    /** Each revision keeps who wrote it, durably with the record, beside the audit log's account. */
    private static Document history(int revision, RecordStatus status, Document state, Instant at, String by) {
        return new Document("revision", revision)
                .append("status", status.name())
                .append("state", state)
                .append("at", Date.from(at))
                .append("by", by);
    }

    private <S> void requireActive(RecordKind<S> kind, Document current) {
        if (RecordStatus.VOIDED.name().equals(current.getString("status"))) {
            throw conflict(kind.label() + " " + current.getString("_id") + " was voided; a void is final");
        }
    }

    private static void requireRevision(Document current, int expected) {
        int revision = current.getInteger("revision");
        if (revision != expected) {
            throw stale(expected, revision);
        }
    }

    private static ClinicalProblemException stale(int expected) {
        return new ClinicalProblemException(
                HttpStatus.PRECONDITION_FAILED,
                ProblemTypes.STALE_REVISION,
                "Revision " + expected + " is no longer current; read the record again",
                List.of());
    }

    private static ClinicalProblemException stale(int expected, int current) {
        return new ClinicalProblemException(
                HttpStatus.PRECONDITION_FAILED,
                ProblemTypes.STALE_REVISION,
                "If-Match names revision " + expected + " but the record is at revision " + current
                        + "; read it again before correcting it",
                List.of());
    }

    private static ClinicalProblemException conflict(String detail) {
        return new ClinicalProblemException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, detail, List.of());
    }

    private <S> void indexPatient(RecordKind<S> kind, String patientId, UUID id) {
        mongo.findAndModify(
                Query.query(Criteria.where("_id").is(indexId(kind, patientId))),
                new Update().addToSet("ids", id.toString()),
                FindAndModifyOptions.options().upsert(true).returnNew(false),
                Document.class,
                PATIENT_INDEX);
    }

    private <S> void ensureIndexes(RecordKind<S> kind) {
        if (indexedCollections.add(kind.collection())) {
            mongo.indexOps(kind.collection()).createIndex(new Index("revisionKey", Sort.Direction.ASC).unique());
        }
    }

    private static String indexId(RecordKind<?> kind, String patientId) {
        return kind.collection() + ":" + patientId;
    }

    static String revisionKey(UUID id, int revision) {
        return id + "#" + revision;
    }

    /** A key as a safe field name: hashed, so no dot or dollar from a header reaches a field path. */
    private static String keyField(String caller, String method, String idempotencyKey) {
        return idempotencyKey == null ? null : "k" + sha256(caller + '\n' + method + '\n' + idempotencyKey);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        // Millisecond precision: what the store keeps, so a replayed response equals the original.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
