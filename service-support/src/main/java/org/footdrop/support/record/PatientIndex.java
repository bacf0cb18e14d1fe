package org.footdrop.support.record;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The ids of each patient's records of each kind, one document per patient and kind keyed by
 * {@code _id}: a listing without a scan (the embedded store serves only {@code _id} and unique
 * indexes without one).
 */
class PatientIndex {

    static final String COLLECTION = "patient_index";

    private final MongoTemplate mongo;

    PatientIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void add(RecordKind<?> kind, String patientId, String recordId) {
        mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id(kind, patientId))),
                new Update().addToSet("ids", recordId),
                FindAndModifyOptions.options().upsert(true).returnNew(false),
                Document.class,
                COLLECTION);
    }

    /** A batch's ids, one upsert per patient in one bulk write. */
    void addAll(RecordKind<?> kind, Map<String, List<String>> idsByPatient) {
        if (idsByPatient.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        idsByPatient.forEach((patientId, ids) -> bulk.upsert(
                Query.query(Criteria.where("_id").is(id(kind, patientId))),
                new Update().addToSet("ids").each(ids.toArray())));
        bulk.execute();
    }

    /** Many patients' ids in one read, by patient; a patient without records has none. */
    Map<String, List<String>> ids(RecordKind<?> kind, Collection<String> patientIds) {
        Map<String, String> patientOf = new HashMap<>();
        patientIds.forEach(patientId -> patientOf.put(id(kind, patientId), patientId));
        Map<String, List<String>> ids = new HashMap<>();
        for (Document index :
                mongo.find(Query.query(Criteria.where("_id").in(patientOf.keySet())), Document.class, COLLECTION)) {
            ids.put(patientOf.get(index.getString("_id")), index.getList("ids", String.class));
        }
        return ids;
    }

    List<String> ids(RecordKind<?> kind, String patientId) {
        Document index = mongo.findById(id(kind, patientId), Document.class, COLLECTION);
        return index == null ? List.of() : index.getList("ids", String.class);
    }

    private static String id(RecordKind<?> kind, String patientId) {
        return kind.collection() + ":" + patientId;
    }
}
