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

    public static final String COLLECTION = "patient_outcomes";

    public enum Result { APPLIED, DUPLICATE }

    private final MongoTemplate mongo;

    public PatientOutcomeStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies one event in one atomic upsert filtered on {@code _id} alone. The document as it was
     * before tells whether the event had been applied already.
     */
    public Result apply(EventEnvelope event) {
        Update update = new Update();
        PatientProjector.fieldsFor(event).forEach(update::set);
        String applied = PatientProjector.APPLIED_EVENTS + "." + event.eventId();
        Query byPatient = Query.query(Criteria.where("_id").is(event.patientId()));
        byPatient.fields().include(applied);
        Document before = mongo.findAndModify(byPatient, update,
                FindAndModifyOptions.options().upsert(true).returnNew(false), Document.class, COLLECTION);
        boolean seen = before != null && before.get(PatientProjector.APPLIED_EVENTS) instanceof Document events
                && events.containsKey(event.eventId().toString());
        return seen ? Result.DUPLICATE : Result.APPLIED;
    }

    /** The stored document as it is, facts only. */
    public Document raw(String patientId) {
        return mongo.findById(patientId, Document.class, COLLECTION);
    }

    public Optional<PatientFacts> find(String patientId) {
        return Optional.ofNullable(mongo.findById(patientId, Document.class, COLLECTION)).map(PatientFacts::from);
    }
}
