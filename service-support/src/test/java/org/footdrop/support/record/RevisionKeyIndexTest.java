package org.footdrop.support.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.footdrop.support.testing.EmbeddedMongo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;

/** A store written by the release that indexed revisionKey loses that index, and keeps its records. */
@Tag("infrastructure")
class RevisionKeyIndexTest {

    @Test
    void shouldDropTheUniqueRevisionKeyIndexOfAnEarlierReleaseAndLeaveTheRest() {
        try (EmbeddedMongo store = new EmbeddedMongo();
                MongoClient client = MongoClients.create(store.uri("records"))) {
            MongoTemplate mongo = new MongoTemplate(client, "records");
            for (String collection : new String[] {"diagnoses", "assessments"}) {
                mongo.indexOps(collection).createIndex(new Index("revisionKey", Sort.Direction.ASC).unique());
                mongo.indexOps(collection).createIndex(new Index("other", Sort.Direction.ASC));
                mongo.insert(new Document("_id", "r1").append("revisionKey", "r1#1"), collection);
            }

            // one collection at a time, as each is first written
            RecordDocuments.dropRevisionKeyIndex(mongo, "diagnoses");
            assertThat(mongo.indexOps("assessments").getIndexInfo())
                    .extracting(IndexInfo::getName)
                    .as("another collection's index of the same name stays until its own turn")
                    .containsExactlyInAnyOrder("_id_", "revisionKey_1", "other_1");
            RecordDocuments.dropRevisionKeyIndex(mongo, "assessments");
            RecordDocuments.dropRevisionKeyIndex(mongo, "injections"); // none yet: nothing to do

            for (String collection : new String[] {"diagnoses", "assessments"}) {
                assertThat(mongo.indexOps(collection).getIndexInfo())
                        .extracting(IndexInfo::getName)
                        .containsExactlyInAnyOrder("_id_", "other_1");
                assertThat(mongo.findById("r1", Document.class, collection)).isNotNull();
                // records without the field no longer collide on a missing key
                mongo.insert(new Document("_id", "r2"), collection);
                mongo.insert(new Document("_id", "r3"), collection);
            }
            assertThat(mongo.collectionExists("injections")).isFalse();
        }
    }
}
