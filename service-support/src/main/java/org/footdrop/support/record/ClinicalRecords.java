package org.footdrop.support.record;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.footdrop.support.outbox.OutboxEntry;
import org.footdrop.support.outbox.OutboxWriter;
import org.footdrop.support.request.RequestContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The life of a clinical record: create (idempotent by key), amend (next revision, from the one
 * the caller read), void (final). Each write is ONE single-document write of the record, its
 * history and its outbox event. Every read and write filters on {@code _id} (a compare-and-set on
 * {@code _id} and {@code revision}), which the embedded store serves from its index without scanning.
 * The document's shape is {@link RecordDocuments}'s, keys {@link IdempotencyKeys}', listings
 * {@link PatientIndex}'s; refusals are {@link RecordRefusedException}s, which the edge translates.
 */
public class ClinicalRecords {

    private final MongoTemplate mongo;
    private final OutboxWriter outbox;
    private final RecordDocuments documents;
    private final RecordEvents events;
    private final IdempotencyKeys keys;
    private final PatientIndex patients;
    private final RecordAudit audit;
    private final Clock clock;
    private final Set<String> indexedCollections = ConcurrentHashMap.newKeySet();

    ClinicalRecords(
            MongoTemplate mongo,
            OutboxWriter outbox,
            RecordEvents events,
            IdempotencyKeys keys,
            RecordAudit audit,
            Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.documents = new RecordDocuments(mongo.getConverter());
        this.events = events;
        this.keys = keys;
        this.patients = new PatientIndex(mongo);
        this.audit = audit;
        this.clock = clock;
    }

    /** @param created false when an earlier request with the same Idempotency-Key created it */
    public record Created<S>(StoredRecord<S> record, boolean created) {}

    /** Creates revision 1, or replays what an earlier request with the same key and body created. */
    public <S> Created<S> create(RecordKind<S> kind, S state, RequestContext context) {
        return create(kind, state, null, context);
    }

    /**
     * Creates revision 1 carrying the clinic's own identifier, whose record id it is: the same
     * identifier again with the same state answers the stored record ({@code created} false), with
     * another state it is refused (a correction is an amend).
     */
    public <S> Created<S> create(RecordKind<S> kind, S state, ExternalIdentifier identifier, RequestContext context) {
        ensureIndexes(kind);
        UUID id = identifier != null
                ? identifier.recordId(kind)
                : IdempotencyKeys.recordId(context, kind.createEndpoint());
        String fingerprint = keys.fingerprint(state);
        Instant now = now();
        String patientId = kind.patientId(state);
        audit.touched(context, patientId);
        OutboxEntry event = events.of(kind, kind.recorded(id, state), patientId, state, now, context);
        Document record = documents
                .first(id, patientId, identifier, documents.state(state), fingerprint, now, context)
                .append(
                        RecordDocuments.OUTBOX,
                        new Document(event.eventId(), mongo.getConverter().convertToMongoType(event.stored())));
        // The patient's index first: a listing may point at a record whose write then failed (and skips
        // it), but never misses one that was stored.
        patients.add(kind, patientId, id.toString());
        try {
            outbox.insert(record, kind.collection(), id.toString(), List.of(event));
            return new Created<>(documents.read(kind, record), true);
        } catch (DuplicateKeyException e) {
            Document existing = load(kind, id);
            if (!fingerprint.equals(existing.getString(RecordDocuments.REQUEST_HASH))) {
                throw identifier == null ? IdempotencyKeys.reused() : identifierTaken(kind, identifier);
            }
            return new Created<>(documents.atRevision(kind, existing, 1), false);
        }
    }

    /**
     * The answer to a create made before under this Idempotency-Key or identifier with this very state,
     * if there is one; refused as {@link #create} refuses another state. For a caller whose rules depend
     * on other records (a session on its therapy): a retry is answered as it was, before rules that may
     * refuse it now (the therapy voided since) are checked again.
     */
    public <S> Optional<Created<S>> createdBefore(
            RecordKind<S> kind, S state, ExternalIdentifier identifier, RequestContext context) {
        if (identifier == null && context.idempotencyKey() == null) {
            return Optional.empty();
        }
        UUID id = identifier != null
                ? identifier.recordId(kind)
                : IdempotencyKeys.recordId(context, kind.createEndpoint());
        Document existing = mongo.findById(id.toString(), Document.class, kind.collection());
        if (existing == null) {
            return Optional.empty();
        }
        audit.touched(context, existing.getString(RecordDocuments.PATIENT_ID));
        if (!keys.fingerprint(state).equals(existing.getString(RecordDocuments.REQUEST_HASH))) {
            throw identifier == null ? IdempotencyKeys.reused() : identifierTaken(kind, identifier);
        }
        return Optional.of(new Created<>(documents.atRevision(kind, existing, 1), false));
    }

    /** One record of a bulk write: its state and the clinic's identifier for it. */
    public record NewRecord<S>(S state, ExternalIdentifier identifier) {}

    /** What became of one record of a bulk write. */
    public sealed interface Written<S> {
        /** Stored now, or already stored with the same state (a re-import). */
        record Stored<S>(StoredRecord<S> record, boolean created) implements Written<S> {}

        record Refused<S>(RecordRefusedException reason) implements Written<S> {}
    }

    /**
     * Creates many records of one kind, each under its identifier, in bulk: one write of their
     * events' markers, one unordered insert of the records with their events, one upsert per
     * patient of the listing. Each record is created, found already stored with the same state, or
     * refused (its identifier carries another state); answers in the order given.
     */
    public <S> List<Written<S>> createAll(RecordKind<S> kind, List<NewRecord<S>> batch, RequestContext context) {
        ensureIndexes(kind);
        Instant now = now();
        List<OutboxWriter.NewDocument> newDocuments = new ArrayList<>(batch.size());
        List<String> fingerprints = new ArrayList<>(batch.size());
        Map<String, List<String>> idsByPatient = new LinkedHashMap<>();
        for (NewRecord<S> record : batch) {
            S state = record.state();
            UUID id = record.identifier().recordId(kind);
            String patientId = kind.patientId(state);
            String fingerprint = keys.fingerprint(state);
            OutboxEntry event = events.of(kind, kind.recorded(id, state), patientId, state, now, context);
            Document document = documents
                    .first(id, patientId, record.identifier(), documents.state(state), fingerprint, now, context)
                    .append(
                            RecordDocuments.OUTBOX,
                            new Document(event.eventId(), mongo.getConverter().convertToMongoType(event.stored())));
            newDocuments.add(new OutboxWriter.NewDocument(document, id.toString(), List.of(event)));
            fingerprints.add(fingerprint);
            idsByPatient.computeIfAbsent(patientId, p -> new ArrayList<>()).add(id.toString());
        }
        audit.touchedAll(context, idsByPatient.keySet());
        patients.addAll(kind, idsByPatient);
        Set<String> inserted = outbox.insertAll(kind.collection(), newDocuments);
        List<Written<S>> written = new ArrayList<>(batch.size());
        List<String> ownAlready = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Document document = newDocuments.get(i).document();
            if (inserted.contains(newDocuments.get(i).recordId())) {
                written.add(new Written.Stored<>(
                        documents.written(
                                document,
                                batch.get(i).state(),
                                now,
                                batch.get(i).identifier()),
                        true));
                continue;
            }
            Document existing = load(kind, UUID.fromString(newDocuments.get(i).recordId()));
            if (fingerprints.get(i).equals(existing.getString(RecordDocuments.REQUEST_HASH))) {
                // Written by this very job before it was interrupted: created, not found.
                boolean ours =
                        context.job() != null && context.job().equals(existing.getString(RecordDocuments.IMPORT_JOB));
                written.add(new Written.Stored<>(documents.atRevision(kind, existing, 1), ours));
                if (ours) {
                    ownAlready.add(newDocuments.get(i).recordId());
                }
            } else {
                written.add(
                        new Written.Refused<>(identifierTaken(kind, batch.get(i).identifier())));
            }
        }
        // the job's run before a restart may have died inside this batch's insert, its marker due much later
        outbox.hasten(kind.collection(), ownAlready);
        return written;
    }

    public <S> StoredRecord<S> find(RecordKind<S> kind, UUID id) {
        Document document = load(kind, id);
        audit.read(document.getString(RecordDocuments.PATIENT_ID));
        return documents.read(kind, document);
    }

    /** The record of this kind that carries the identifier, if one does. */
    public <S> Optional<StoredRecord<S>> find(RecordKind<S> kind, ExternalIdentifier identifier) {
        Document document = mongo.findById(identifier.recordId(kind).toString(), Document.class, kind.collection());
        if (document == null) {
            return Optional.empty();
        }
        audit.read(document.getString(RecordDocuments.PATIENT_ID));
        return Optional.of(documents.read(kind, document));
    }

    /** Whether a record of this kind carries the identifier. Not audited: no patient's data is read. */
    public boolean exists(RecordKind<?> kind, ExternalIdentifier identifier) {
        return mongo.exists(
                Query.query(Criteria.where("_id").is(identifier.recordId(kind).toString())), kind.collection());
    }

    /** The id of the record of this kind that carries (or would carry) the identifier. */
    public UUID idOf(RecordKind<?> kind, ExternalIdentifier identifier) {
        return identifier.recordId(kind);
    }

    /** The patient's records of this kind, oldest first; voided ones included, marked so. */
    public <S> List<StoredRecord<S>> findByPatient(RecordKind<S> kind, String patientId) {
        List<String> ids = patients.ids(kind, patientId);
        if (ids.isEmpty()) {
            return List.of();
        }
        // by patient too: the index may name a record of another patient, whose identifier a refused
        // create (its key already taken) put there before its insert failed
        Query query = Query.query(
                Criteria.where("_id").in(ids).and(RecordDocuments.PATIENT_ID).is(patientId));
        return mongo.find(query, Document.class, kind.collection()).stream()
                .map(document -> documents.read(kind, document))
                .sorted(Comparator.comparing(StoredRecord<S>::recordedAt).thenComparing(r -> r.id().toString()))
                .toList();
    }

    /**
     * Many patients' records of this kind in two reads, whatever their number (a bulk import's batch
     * reads ahead what its rules need): by patient, each oldest first, voided ones included. Not
     * audited: the caller reads for a rule, not for a person.
     */
    public <S> Map<String, List<StoredRecord<S>>> findByPatients(RecordKind<S> kind, Collection<String> patientIds) {
        Map<String, List<String>> idsByPatient = patients.ids(kind, patientIds);
        List<String> ids = idsByPatient.values().stream().flatMap(List::stream).toList();
        Map<String, List<StoredRecord<S>>> found = new HashMap<>();
        patientIds.forEach(patientId -> found.put(patientId, new ArrayList<>()));
        if (ids.isEmpty()) {
            return found;
        }
        mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, kind.collection()).stream()
                .map(document -> documents.read(kind, document))
                .sorted(Comparator.comparing(StoredRecord<S>::recordedAt).thenComparing(r -> r.id().toString()))
                .filter(record -> found.containsKey(record.patientId())) // as in findByPatient
                .forEach(record -> found.get(record.patientId()).add(record));
        return found;
    }

    /** The full new state as the next revision; {@code expectedRevision} from If-Match. */
    public <S> StoredRecord<S> amend(
            RecordKind<S> kind, UUID id, int expectedRevision, S state, RequestContext context) {
        Document current = load(kind, id);
        String patientId = current.getString(RecordDocuments.PATIENT_ID);
        audit.touched(context, patientId);
        if (!patientId.equals(kind.patientId(state))) {
            throw new RecordRefusedException(
                    RecordRefusedException.Reason.INVALID_FIELD,
                    "patientId",
                    "cannot change on amend; void this record and record it for the right patient");
        }
        String fingerprint = keys.fingerprint(state);
        String keyField = IdempotencyKeys.field(context, "PUT");
        Integer answered = IdempotencyKeys.answeredRevision(current, keyField, fingerprint);
        if (answered != null) {
            // a retry of this very amend: answered as it was, even if the record was voided since
            return documents.atRevision(kind, current, answered);
        }
        Revisions.requireActive(kind, current);
        Revisions.requireCurrent(current, expectedRevision);
        int next = expectedRevision + 1;
        Instant now = now();
        // The history is set whole, not pushed to: the entries that relied on the state this amend
        // replaces get it written in, and MongoDB refuses a push beside a set inside the same array.
        // The compare-and-set below makes sure it is the history of the revision just loaded.
        List<Document> history = new ArrayList<>(RecordDocuments.historyBefore(current));
        history.add(RecordDocuments.history(next, RecordStatus.ACTIVE, now, context.client()));
        Update update = new Update()
                .set(RecordDocuments.REVISION, next)
                .set(RecordDocuments.REVISION_KEY, RecordDocuments.revisionKey(id, next))
                .set(RecordDocuments.STATE, documents.state(state))
                .set(RecordDocuments.AMENDED_AT, Date.from(now))
                .set(RecordDocuments.HISTORY, history);
        IdempotencyKeys.remember(update, keyField, fingerprint, next, context.job());
        int written = write(
                kind,
                id,
                expectedRevision,
                update,
                events.of(kind, kind.amended(id, next, state), patientId, state, now, context),
                keyField,
                fingerprint);
        // at the revision written: a later writer's may be stored by now
        return documents.atRevision(kind, load(kind, id), written);
    }

    /** Marks the record entered in error: the next revision, final. The reason stays in this service. */
    public <S> StoredRecord<S> voidRecord(
            RecordKind<S> kind, UUID id, Integer expectedRevision, String reason, RequestContext context) {
        Document current = load(kind, id);
        String patientId = current.getString(RecordDocuments.PATIENT_ID);
        audit.touched(context, patientId);
        String keyField = IdempotencyKeys.field(context, "DELETE");
        Integer answered =
                IdempotencyKeys.answeredRevision(current, keyField, IdempotencyKeys.fingerprintOfReason(reason));
        if (answered != null) {
            return documents.atRevision(kind, current, answered);
        }
        Revisions.requireActive(kind, current);
        int revision = current.getInteger(RecordDocuments.REVISION);
        if (expectedRevision != null) {
            Revisions.requireCurrent(current, expectedRevision);
        }
        int next = revision + 1;
        Instant now = now();
        S state = documents.stateOf(kind, current);
        Update update = new Update()
                .set(RecordDocuments.REVISION, next)
                .set(RecordDocuments.REVISION_KEY, RecordDocuments.revisionKey(id, next))
                .set(RecordDocuments.STATUS, RecordStatus.VOIDED.name())
                .set(RecordDocuments.VOIDED_AT, Date.from(now))
                .set(RecordDocuments.VOID_REASON, reason)
                // a void keeps the state, so its entry relies on the current one like the others
                .push(
                        RecordDocuments.HISTORY,
                        RecordDocuments.history(next, RecordStatus.VOIDED, now, context.client()));
        String fingerprint = IdempotencyKeys.fingerprintOfReason(reason);
        IdempotencyKeys.remember(update, keyField, fingerprint, next, context.job());
        int written = write(
                kind,
                id,
                revision,
                update,
                events.of(kind, kind.voided(id, next, state), patientId, state, now, context),
                keyField,
                fingerprint);
        return documents.atRevision(kind, load(kind, id), written);
    }

    /**
     * Whether the amend or void that {@code context}'s key names was written by {@code context}'s
     * import job: a job resumed after an interruption meets its own corrections again, answered as
     * already done, and counts them as its own.
     */
    /**
     * Whether this amend (its request's key and state) was answered already: a correction met again,
     * recognised without writing and without the rules, which may refuse now what they took then.
     */
    public <S> boolean amended(RecordKind<S> kind, UUID id, S state, RequestContext context) {
        return IdempotencyKeys.answeredRevision(
                        load(kind, id), IdempotencyKeys.field(context, "PUT"), keys.fingerprint(state))
                != null;
    }

    /** Whether the record holds this state now: an amend to it would change nothing. */
    public <S> boolean holds(StoredRecord<S> current, S state) {
        return keys.fingerprint(state).equals(keys.fingerprint(current.state()));
    }

    public boolean correctedBy(RecordKind<?> kind, UUID id, RequestContext context) {
        Document current = load(kind, id);
        return IdempotencyKeys.answeredFor(current, IdempotencyKeys.field(context, "PUT"), context.job())
                || IdempotencyKeys.answeredFor(current, IdempotencyKeys.field(context, "DELETE"), context.job());
    }

    private static RecordRefusedException identifierTaken(RecordKind<?> kind, ExternalIdentifier identifier) {
        return RecordRefusedException.identifierTaken(
                identifier.recordId(kind),
                kind.label() + " " + identifier + " is already recorded with other values; amend it to correct it");
    }

    /**
     * Returns the revision written: {@code expectedRevision + 1}, or, when the compare-and-set was lost
     * to this very request sent again at the same moment (same key, same body), the revision that one
     * wrote, which is then the answer to both.
     */
    private <S> int write(
            RecordKind<S> kind,
            UUID id,
            int expectedRevision,
            Update update,
            OutboxEntry event,
            String keyField,
            String fingerprint) {
        // Compare-and-set on the record's id and revision (a single-document update is atomic): exactly
        // one of two concurrent writers of the same revision matches; the other gets a stale-revision
        // refusal instead of silently overwriting.
        boolean written = outbox.update(
                Query.query(Criteria.where("_id")
                        .is(id.toString())
                        .and(RecordDocuments.REVISION)
                        .is(expectedRevision)),
                update,
                kind.collection(),
                id.toString(),
                List.of(event));
        if (!written) {
            Document now = load(kind, id);
            Integer answered = IdempotencyKeys.answeredRevision(now, keyField, fingerprint);
            if (answered != null) {
                return answered;
            }
            Revisions.requireCurrent(now, expectedRevision);
            throw Revisions.overtaken(expectedRevision);
        }
        return expectedRevision + 1;
    }

    private <S> Document load(RecordKind<S> kind, UUID id) {
        Document document = mongo.findById(id.toString(), Document.class, kind.collection());
        if (document == null) {
            throw new RecordRefusedException(
                    RecordRefusedException.Reason.NOT_FOUND, kind.label() + " " + id + " not found");
        }
        return document;
    }

    private <S> void ensureIndexes(RecordKind<S> kind) {
        if (indexedCollections.add(kind.collection())) {
            RecordDocuments.dropRevisionKeyIndex(mongo, kind.collection());
        }
    }

    private Instant now() {
        // Millisecond precision: what the store keeps, so a replayed response equals the original.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
