package org.footdrop.outcomes.projection;

import java.util.Optional;
import org.bson.Document;
import org.footdrop.contract.EventEnvelope;
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
