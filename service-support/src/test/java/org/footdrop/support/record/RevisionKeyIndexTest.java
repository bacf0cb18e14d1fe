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
            mongo.indexOps("diagnoses").createIndex(new Index("revisionKey", Sort.Direction.ASC).unique());
            mongo.indexOps("diagnoses").createIndex(new Index("other", Sort.Direction.ASC));
            mongo.insert(new Document("_id", "r1").append("revisionKey", "r1#1"), "diagnoses");

            RecordDocuments.dropRevisionKeyIndex(mongo, "diagnoses");
            RecordDocuments.dropRevisionKeyIndex(mongo, "assessments"); // none yet: nothing to do

            assertThat(mongo.indexOps("diagnoses").getIndexInfo())
                    .extracting(IndexInfo::getName)
                    .containsExactlyInAnyOrder("_id_", "other_1");
            assertThat(mongo.findById("r1", Document.class, "diagnoses")).isNotNull();
            assertThat(mongo.collectionExists("assessments")).isFalse();
        }
    }
}
