package org.footdrop.stack.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which queries the wrapped unique index serves: its keys by plain value, beside any other fields. */
class ContainedKeysIndexTest {

    /** The library's own rule for the wrapped index: exactly its keys. */
    private static final class ExactKeys extends Index<Object> {

        ExactKeys() {
            super("_id_", List.of(new IndexKey("_id", true)), false);
        }

        @Override
        public boolean canHandle(Document query) {
            return query.keySet().equals(keySet());
        }

        @Override
        public Iterable<Object> getPositions(Document query) {
            return List.of(query.get("_id"));
        }

        @Override
        public Object getPosition(Document document) {
            return document.get("_id");
        }

        @Override
        public void checkAdd(Document document, MongoCollection<Object> collection) {}

        @Override
        public void add(Document document, Object position, MongoCollection<Object> collection) {}

        @Override
        public Object remove(Document document) {
            return null;
        }

        @Override
        public long getCount() {
            return 0;
        }

        @Override
        public long getDataSize() {
            return 0;
        }

        @Override
        public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {}

        @Override
        public void updateInPlace(
                Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {}

        @Override
        public void drop() {}
    }

    private final ContainedKeysIndex index = new ContainedKeysIndex(new ExactKeys(), false);

    @Test
    void servesItsKeyByValueAloneOrBesideOtherFields() {
        assertThat(index.canHandle(new Document("_id", "r1"))).isTrue();
        assertThat(index.canHandle(new Document("_id", "r1").append("revision", 3)))
                .isTrue();
        assertThat(index.getPositions(new Document("_id", "r1").append("revision", 3)))
                .containsExactly("r1");
    }

    @Test
    void leavesOperatorsListsNullsAndOtherKeysToTheLibrary() {
        assertThat(index.canHandle(new Document("revision", 3))).isFalse();
        assertThat(index.canHandle(new Document("_id", new Document("$in", List.of("r1"))).append("revision", 3)))
                .isFalse();
        assertThat(index.canHandle(new Document("_id", List.of("r1")).append("revision", 3)))
                .isFalse();
        assertThat(index.canHandle(new Document("_id", null).append("revision", 3)))
                .isFalse();
        assertThat(index.canHandle(new Document("_id", new BsonRegularExpression("^r")).append("revision", 3)))
                .isFalse();
    }
}
