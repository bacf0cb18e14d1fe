package org.footdrop.outcomes.projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.footdrop.contract.EventEnvelope;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The per-patient projection documents, {@code _id} = patientId. */
@Component
public class PatientOutcomeStore {

    /** The collection before any rebuild; rebuilds create new ones (see {@link ProjectionCollections}). */
    public static final String COLLECTION = "patient_outcomes";

    public enum Result { APPLIED, DUPLICATE }

    private final MongoTemplate mongo;
    private final ProjectionCollections collections;

    public PatientOutcomeStore(MongoTemplate mongo, ProjectionCollections collections) {
        this.mongo = mongo;
        this.collections = collections;
    }

    /**
     * Applies one event to the active collection (and, during a rebuild, to the one being rebuilt)
     * in one atomic upsert filtered on {@code _id} alone. The document as it was before tells
     * whether the event had been applied already.
     */
    public Result apply(EventEnvelope event) {
        collections.rebuilding().ifPresent(target -> apply(event, target));
        return apply(event, collections.active());
    }

    public Result apply(EventEnvelope event, String collection) {
        Update update = new Update();
        PatientProjector.fieldsFor(event).forEach(update::set);
        String applied = PatientProjector.APPLIED_EVENTS + "." + event.eventId();
        Query byPatient = Query.query(Criteria.where("_id").is(event.patientId()));
        byPatient.fields().include(applied);
        Document before = mongo.findAndModify(byPatient, update,
                FindAndModifyOptions.options().upsert(true).returnNew(false), Document.class, collection);
        boolean seen = before != null && before.get(PatientProjector.APPLIED_EVENTS) instanceof Document events
                && events.containsKey(event.eventId().toString());
        return seen ? Result.DUPLICATE : Result.APPLIED;
    }

    /**
     * Applies many events (a replay's poll) in one unordered bulk write: one upsert per patient,
     * filtered on {@code _id} alone, setting the fields of all that patient's events at once. The
     * same fields as {@link #apply(EventEnvelope, String)} one by one, so the document is the same
     * whatever the batches; no read and no applied-or-duplicate answer, which a replay needs neither.
     * Should two events set the same field (a record voided twice), the higher revision's value
     * wins, whatever their order.
     */
    public void applyAll(List<EventEnvelope> events, String collection) {
        Map<String, Map<String, Object>> byPatient = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            Map<String, Object> fields = byPatient.computeIfAbsent(event.patientId(), p -> new LinkedHashMap<>());
            PatientProjector.fieldsFor(event).forEach((path, value) -> fields.merge(path, value,
                    (kept, offered) -> revision(offered) > revision(kept) ? offered : kept));
        }
        if (byPatient.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        byPatient.forEach((patientId, fields) -> {
            Update update = new Update();
            fields.forEach(update::set);
            bulk.upsert(Query.query(Criteria.where("_id").is(patientId)), update);
        });
        bulk.execute();
    }

    private static int revision(Object value) {
        return value instanceof Document document && document.get("revision") instanceof Integer revision ? revision : 0;
    }

    /** The stored document as it is, facts only. */
    public Document raw(String patientId) {
        return mongo.findById(patientId, Document.class, collections.active());
    }

    public Optional<PatientFacts> find(String patientId) {
        return Optional.ofNullable(raw(patientId)).map(PatientFacts::from);
    }

    public String activeCollection() {
        return collections.active();
    }
}
