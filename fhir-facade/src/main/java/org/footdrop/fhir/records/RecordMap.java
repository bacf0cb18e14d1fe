package org.footdrop.fhir.records;

import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * What only FHIR has about a record: the clinic's identifier a conditional create matches on. A
 * record's FHIR id is its id in the owning service, so reads and updates need no lookup; this map
 * goes from a resource type and identifier to that id. Keyed on {@code _id} alone, as the store
 * prefers.
 */
@Component
public class RecordMap {

    static final String COLLECTION = "fhir_identifiers";

    private final MongoTemplate mongo;

    public RecordMap(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<String> find(String resourceType, String system, String value) {
        Document found = mongo.getCollection(COLLECTION)
                .find(new Document("_id", key(resourceType, system, value)))
                .first();
        return Optional.ofNullable(found).map(document -> document.getString("recordId"));
    }

    /** Notes the identifier's record; an identifier already noted keeps its first record. */
    public void note(String resourceType, String system, String value, String recordId) {
        try {
            mongo.getCollection(COLLECTION)
                    .insertOne(new Document("_id", key(resourceType, system, value))
                            .append("resourceType", resourceType)
                            .append("recordId", recordId));
        } catch (DuplicateKeyException | com.mongodb.MongoWriteException taken) {
            // the same identifier noted by a concurrent create: the first one stands
            return;
        }
        mongo.getCollection(COLLECTION)
                .replaceOne(
                        new Document("_id", resourceType + '/' + recordId),
                        new Document("_id", resourceType + '/' + recordId)
                                .append("system", system)
                                .append("value", value),
                        new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    /** The identifier noted for a record, as {@code [system, value]}, if any. */
    public Optional<String[]> identifierOf(String resourceType, String recordId) {
        Document found = mongo.getCollection(COLLECTION)
                .find(new Document("_id", resourceType + '/' + recordId))
                .first();
        return Optional.ofNullable(found)
                .map(document -> new String[] {document.getString("system"), document.getString("value")});
    }

    static String key(String resourceType, String system, String value) {
        return resourceType + '|' + system + '|' + value;
    }
}
