package org.footdrop.outcomes.projection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.footdrop.contract.EventEnvelope;
import org.springframework.data.mongodb.core.BulkOperations;
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

    public enum Result {
        APPLIED,
        DUPLICATE
    }

    private final MongoTemplate mongo;
    private final ProjectionCollections collections;

    public PatientOutcomeStore(MongoTemplate mongo, ProjectionCollections collections) {
        this.mongo = mongo;
        this.collections = collections;
    }

    /**
     * Applies a poll's events to the active collection (and, during a rebuild, to the one being
     * rebuilt) with two round trips whatever their number: one read of the patients' applied-event
     * markers, then one unordered bulk write of the events not applied yet
     * (see {@link #applyAll}). The read tells each event's result; an event twice in the batch is a
     * duplicate the second time. A patient's events come from its own partition of each topic, so
     * no other consumer applies the same event between the read and the write (a rebalance's
     * overlap aside, where the worst case is an event counted as applied twice: the document
     * itself is the same either way).
     */
    public Map<UUID, Result> apply(List<EventEnvelope> events) {
        collections.requireCurrent(); // else the poll is retried once the settings are read again
        collections.rebuilding().ifPresent(target -> applyAll(events, target));
        String active = collections.active();
        Set<String> applied = appliedAlready(events, active);
        Map<UUID, Result> results = new LinkedHashMap<>();
        List<EventEnvelope> fresh = new ArrayList<>();
        for (EventEnvelope event : events) {
            boolean seen = applied.contains(event.eventId().toString()) || results.containsKey(event.eventId());
            results.putIfAbsent(event.eventId(), seen ? Result.DUPLICATE : Result.APPLIED);
            if (!seen) {
                fresh.add(event);
            }
        }
        applyAll(fresh, active);
        return results;
    }

    /** The ids, among these events', that their patients' documents mark as applied. */
    private Set<String> appliedAlready(List<EventEnvelope> events, String collection) {
        if (events.isEmpty()) {
            return Set.of();
        }
        Set<String> patientIds = new LinkedHashSet<>();
        events.forEach(event -> patientIds.add(event.patientId()));
        Query query = Query.query(Criteria.where("_id").in(patientIds));
        // the whole map, one path: a path per event costs the store paths x documents on a big poll
        query.fields().include(PatientProjector.APPLIED_EVENTS);
        Set<String> applied = new HashSet<>();
        for (Document patient : mongo.find(query, Document.class, collection)) {
            if (patient.get(PatientProjector.APPLIED_EVENTS) instanceof Document marked) {
                applied.addAll(marked.keySet());
            }
        }
        return applied;
    }

    /**
     * Applies many events (a replay's poll) in one unordered bulk write: one upsert per patient,
     * filtered on {@code _id} alone, setting the fields of all that patient's events at once. The
     * same fields as applying them one by one, so the document is the same
     * whatever the batches; no read and no applied-or-duplicate answer, which a replay needs neither.
     * Should two events set the same field (a record voided twice), the higher revision's value
     * wins, whatever their order.
     */
    public void applyAll(List<EventEnvelope> events, String collection) {
        Map<String, Map<String, Object>> byPatient = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            Map<String, Object> fields = byPatient.computeIfAbsent(event.patientId(), p -> new LinkedHashMap<>());
            PatientProjector.fieldsFor(event)
                    .forEach((path, value) -> fields.merge(
                            path, value, (kept, offered) -> revision(offered) > revision(kept) ? offered : kept));
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
        return value instanceof Document document && document.get("revision") instanceof Integer revision
                ? revision
                : 0;
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
