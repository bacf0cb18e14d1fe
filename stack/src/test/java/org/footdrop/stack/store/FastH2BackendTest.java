package org.footdrop.stack.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store with its documents and index keys as BSON and its unique indexes in value order, through the
 * MongoDB driver: documents read back as written, also when updated while H2 writes them; lookups and
 * duplicate keys for keys of every BSON type as before, across restarts; and a store file written by
 * the library's own backend (H2's byte order, Java serialisation) read and extended after its maps are
 * converted.
 */
class FastH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void findsEveryKeyAndRefusesDuplicatesOfEveryValueType() {
        List<Object> keys = keysOfEveryType();
        withStore(FastH2Backend::new, records -> {
            insertKeyed(records, keys);
            assertFoundAndUnique(records, keys);
            // a record without the field is indexed under a missing value, once
            records.insertOne(new Document("_id", "keyless"));
            assertThatThrownBy(() -> records.insertOne(new Document("_id", "keyless-too")))
                    .isInstanceOf(MongoWriteException.class);
        });
        // the order is the type's, not the session's: a fresh process reads the same maps
        withStore(FastH2Backend::new, records -> assertFoundAndUnique(records, keys));
    }

    @Test
    void findsAndComparesAndSetsByAUniqueKeyAmongOtherFields() {
        withStore(FastH2Backend::new, records -> {
            records.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            for (int i = 0; i < 50; i++) {
                records.insertOne(
                        new Document("_id", "r" + i).append("key", "k" + i).append("revision", 1));
            }

            assertThat(records.find(Filters.and(Filters.eq("_id", "r7"), Filters.eq("revision", 1)))
                            .into(new ArrayList<>()))
                    .extracting(d -> d.getString("key"))
                    .containsExactly("k7");
            assertThat(records.find(Filters.and(Filters.eq("_id", "r7"), Filters.eq("revision", 2)))
                            .first())
                    .isNull();
            assertThat(records.find(Filters.and(Filters.eq("key", "k9"), Filters.eq("revision", 1)))
                            .first()
                            .getString("_id"))
                    .isEqualTo("r9");
            // a compare-and-set: the first update of revision 1 matches, the second finds it gone
            var cas = Filters.and(Filters.eq("_id", "r7"), Filters.eq("revision", 1));
            assertThat(records.updateOne(cas, new Document("$set", new Document("revision", 2)))
                            .getMatchedCount())
                    .isEqualTo(1);
            assertThat(records.updateOne(cas, new Document("$set", new Document("revision", 2)))
                            .getMatchedCount())
                    .isZero();
            assertThat(records.countDocuments(Filters.eq("revision", 2))).isEqualTo(1);
        });
    }

    @Test
    void documentsOfEveryBsonTypeReadBackAsWritten() {
        Document written = documentOfEveryType();
        withStore(FastH2Backend::new, records -> records.insertOne(written));
        withStore(
                FastH2Backend::new,
                records -> assertThat(records.find(Filters.eq("_id", written.get("_id")))
                                .first())
                        .isEqualTo(written));
    }

    @Test
    void readsAndExtendsAStoreWrittenByTheLibrarysOwnBackend() {
        List<Object> keys = keysOfEveryType();
        Document written = documentOfEveryType();
        withStore(H2Backend::new, records -> {
            insertKeyed(records, keys);
            records.insertOne(written);
        });
        withStore(FastH2Backend::new, records -> {
            assertFoundAndUnique(records, keys);
            assertThat(records.find(Filters.eq("_id", written.get("_id"))).first())
                    .isEqualTo(written);
            records.insertOne(new Document("_id", "late").append("key", "a key after the rebuild"));
            assertThat(records.find(Filters.eq("key", "a key after the rebuild"))
                            .first())
                    .extracting(d -> d.get("_id"))
                    .isEqualTo("late");
        });
        withStore(FastH2Backend::new, records -> {
            assertFoundAndUnique(records, keys);
            assertThat(records.countDocuments()).isEqualTo(keys.size() + 2L);
            assertThat(records.find(Filters.eq("_id", written.get("_id"))).first())
                    .isEqualTo(written);
        });
    }

    @ParameterizedTest(name = "marked converted before the crash: {0}")
    @ValueSource(booleans = {false, true})
    void aConversionCutOffAfterTheOldMapWasRemovedIsFinishedOnTheNextOpen(boolean marked) {
        List<Object> keys = keysOfEveryType();
        withStore(H2Backend::new, records -> {
            insertKeyed(records, keys);
        });
        // what a crash between the removal of each old map and the rename of its copy leaves behind
        MVStore store = new MVStore.Builder().fileName(storeFile()).open();
        List<String> indexMaps = store.getMapNames().stream()
                .filter(name -> name.contains("._index_"))
                .toList();
        assertThat(indexMaps).hasSize(2); // _id and key
        for (String name : indexMaps) {
            MVMap<Object, Object> old = store.openMap(name);
            MVMap<Object, Object> copy =
                    store.openMap(StoreMaps.copyName(name), new MVMap.Builder<>().keyType(new IndexKeyType()));
            old.forEach(copy::put);
            store.removeMap(old);
            if (marked) {
                store.<String, Boolean>openMap(StoreMaps.CONVERTED).put(name, Boolean.TRUE);
            }
        }
        store.close();

        withStore(FastH2Backend::new, records -> {
            assertFoundAndUnique(records, keys);
            assertThatThrownBy(() -> records.insertOne(new Document("_id", "r0")))
                    .isInstanceOf(MongoWriteException.class);
        });
        withStore(FastH2Backend::new, records -> assertFoundAndUnique(records, keys));
        // the copies took their names (the library would rebuild an empty index from the documents, so
        // what is checked is that the finished copy is used, not left behind beside a rebuilt map)
        MVStore reopened = new MVStore.Builder().fileName(storeFile()).open();
        try {
            assertThat(reopened.getMapNames()).containsAll(indexMaps);
            assertThat(reopened.getMapNames()).noneMatch(name -> name.endsWith(".converting"));
        } finally {
            reopened.close();
        }
    }

    @Test
    void manyRandomIdsAreFoundAfterARestart() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        withStore(FastH2Backend::new, records -> {
            List<Document> batch = new ArrayList<>();
            for (String id : ids) {
                batch.add(new Document("_id", id).append("n", batch.size()));
            }
            records.insertMany(batch);
        });
        withStore(FastH2Backend::new, records -> {
            for (int i = 0; i < ids.size(); i += 97) {
                assertThat(records.find(Filters.eq("_id", ids.get(i))).first())
                        .extracting(d -> d.get("n"))
                        .isEqualTo(i);
            }
            assertThat(records.countDocuments(Filters.in("_id", ids.subList(0, 300))))
                    .isEqualTo(300);
            assertThatThrownBy(() -> records.insertOne(new Document("_id", ids.get(4_321))))
                    .isInstanceOfSatisfying(
                            MongoWriteException.class,
                            e -> assertThat(ErrorCategory.fromErrorCode(e.getCode()))
                                    .isEqualTo(ErrorCategory.DUPLICATE_KEY));
        });
    }

    @Test
    void anUpdatePutsACopyAndLeavesTheDocumentStoredBeforeItAsItWas() {
        withStore(FastH2Backend::new, (store, records) -> {
            records.insertOne(new Document("_id", "r1").append("revision", 1).append("history", List.of(1)));
            // the collection's own map, open since the insert created it
            var documents = documents(store);
            var stored = documents.get("r1");

            records.updateOne(
                    Filters.eq("_id", "r1"),
                    new Document("$set", new Document("revision", 2)).append("$push", new Document("history", 2)));
            var updated = documents.get("r1");
            records.findOneAndUpdate(Filters.eq("_id", "r1"), new Document("$inc", new Document("revision", 1)));
            var modified = documents.get("r1");
            records.replaceOne(Filters.eq("_id", "r1"), new Document("replaced", true));

            // what H2 may be encoding on its own thread is never changed under it
            assertThat(stored).containsEntry("revision", 1).containsEntry("history", List.of(1));
            assertThat(updated).containsEntry("revision", 2).containsEntry("history", List.of(1, 2));
            assertThat(modified).containsEntry("revision", 3);
            assertThat(documents.get("r1")).containsEntry("replaced", true).doesNotContainKey("revision");
            assertThat(records.find(Filters.eq("_id", "r1")).first())
                    .isEqualTo(new Document("_id", "r1").append("replaced", true));
        });
    }

    /**
     * The sets the store applies itself ({@link SetById}) and those it leaves to the library, one after
     * another on one collection: the same answers, errors and documents, field order included, as the
     * library's own backend gives.
     */
    @Test
    void setsByIdAnswerAndStoreAsTheLibraryDoes() {
        List<String> library = new ArrayList<>();
        List<String> here = new ArrayList<>();
        withStore(H2Backend::new, records -> applySets(records, library));
        dir.resolve("store.mv").toFile().delete();
        withStore(FastH2Backend::new, records -> applySets(records, here));
        assertThat(here).hasSize(SETS.size() + 1).containsExactlyElementsOf(library);
    }

    private static final List<Document> SETS = List.of(
            // upserts of a new document, as the projection's first event of a patient
            set(
                    "p1",
                    new Document("diagnoses.d1.revisions.r1", new Document("revision", 1).append("at", "2026"))
                            .append("appliedEvents.e-1", "diagnosis.recorded")),
            set(
                    "p1",
                    new Document("diagnoses.d1.revisions.r2", new Document("revision", 2))
                            .append("assessments.a1.revisions.r1", new Document("mrc", 3))
                            .append("assessments.a2.revisions.r1", new Document("mrc", 4))
                            .append("appliedEvents.e-2", "diagnosis.amended")
                            .append("appliedEvents.e-3", "assessment.recorded")),
            // the same again (a replay): matched, nothing modified
            set(
                    "p1",
                    new Document("diagnoses.d1.revisions.r2", new Document("revision", 2))
                            .append("appliedEvents.e-2", "diagnosis.amended")),
            set("p1", new Document("name", "first").append("flag", true).append("empty", null)),
            set("p1", new Document("name", "second").append("flag", false)),
            set("p1", new Document("empty", null)),
            set("p1", new Document("empty", "now a string")),
            set("p1", new Document("count", 1)),
            set("p1", new Document("count", 1.0)),
            set("p1", new Document("count", 2L)),
            set("p1", new Document("name.first", "through a string")),
            set("p1", new Document("list", List.of(1, new Document("x", 1)))),
            set("p1", new Document("list.1.x", 2)),
            set("p1", new Document("list.x", 2)),
            set("p1", new Document("diagnoses.d1", new Document("voided", true)).append("diagnoses.d1.x", 1)),
            set("p1", new Document("diagnoses.d1.revisions", new Document("r9", 9))),
            set("p1", new Document("_id", "p1")),
            set("p1", new Document("_id", "other")),
            set("p1", new Document("$bad", 1)),
            set("p2", new Document("a.b", 1).append("a", 2)),
            set("p5", new Document("a", new Document("x", 1)).append("a.b", 1)),
            set("p6", new Document("doc", new Document("v", 1))),
            set("p6", new Document("doc", new Document("v", 1.0))),
            set("p6", new Document("doc.v", "a string").append("doc.w", "another")),
            set("p6", new Document("doc.w", "changed").append("doc.x", "new")),
            set("p6", new Document("doc.x", true)),
            set("p6", new Document("empty", null)),
            set("p6", new Document("empty.x", 1)),
            set("dollar", new Document("a", 1)),
            set("dotted", new Document("a.b", 1)),
            set("p3", new Document("only", "on an upsert")),
            new Document("_id", "p4")
                    .append("update", new Document("$set", new Document("x.y", 1)))
                    .append("upsert", false),
            new Document("_id", 5).append("update", new Document("$set", new Document("x.y", 1))),
            new Document("_id", "p3")
                    .append(
                            "update",
                            new Document("$set", new Document("x.y", 1)).append("$setOnInsert", new Document("z", 1))),
            // multi, as Spring Data's bulk upserts are sent
            set("p1", new Document("appliedEvents.e-4", "injection.recorded")).append("multi", true),
            set("p7", new Document("appliedEvents.e-5", "therapy.recorded")).append("multi", true));

    private static Document set(String id, Document fields) {
        return new Document("_id", id).append("update", new Document("$set", fields));
    }

    private static void applySets(MongoCollection<Document> records, List<String> outcomes) {
        // names the library refuses in any update of their document, though not in an insert
        records.insertOne(new Document("_id", "dollar").append("$x", 1));
        records.insertOne(new Document("_id", "dotted").append("x.y", 1));
        for (Document set : SETS) {
            try {
                var options = new com.mongodb.client.model.UpdateOptions().upsert(set.getBoolean("upsert", true));
                var filter = Filters.eq("_id", set.get("_id"));
                var result = set.getBoolean("multi", false)
                        ? records.updateMany(filter, set.get("update", Document.class), options)
                        : records.updateOne(filter, set.get("update", Document.class), options);
                outcomes.add(result.getMatchedCount() + " matched, " + result.getModifiedCount() + " modified, "
                        + result.getUpsertedId());
            } catch (com.mongodb.MongoException refused) {
                outcomes.add("refused " + refused.getCode() + ": "
                        + (refused instanceof MongoWriteException write
                                ? write.getError().getMessage()
                                : ""));
            } catch (RuntimeException refused) { // a refusal without a code, which the driver cannot read
                outcomes.add("refused: " + refused.getClass().getName());
            }
        }
        List<String> documents = new ArrayList<>();
        records.find().sort(new Document("_id", 1)).forEach(document -> documents.add(document.toJson()));
        outcomes.add(String.join("\n", documents));
    }

    @Test
    void aSetByIdPutsACopyAndLeavesTheDocumentStoredBeforeItAsItWas() {
        withStore(FastH2Backend::new, (store, records) -> {
            records.insertOne(
                    new Document("_id", "p1").append("a", new Document("b", 1)).append("other", new Document("k", 1)));
            var stored = documents(store).get("p1");
            var nested = stored.get("a");
            var other = stored.get("other");

            records.updateOne(Filters.eq("_id", "p1"), new Document("$set", new Document("a.c", 2)));

            assertThat(stored)
                    .isEqualTo(new de.bwaldvogel.mongo.bson.Document("_id", "p1")
                            .append("a", nested)
                            .append("other", other));
            // applied by SetById, not the library, which would have put deep copies of every field
            assertThat(documents(store).get("p1").get("other")).isSameAs(other);
            assertThat(nested).isEqualTo(new de.bwaldvogel.mongo.bson.Document("b", 1));
            assertThat(documents(store).get("p1").get("a"))
                    .isEqualTo(new de.bwaldvogel.mongo.bson.Document("b", 1).append("c", 2));
        });
    }

    @Test
    void aStoreWhoseRegistryHasItsFirstNameKeepsItsConvertedIndexes() {
        List<Object> keys = keysOfEveryType();
        withStore(FastH2Backend::new, records -> {
            insertKeyed(records, keys);
        });
        // the registry as the build before named it, inside a database "footdrop"'s name space
        MVStore store = new MVStore.Builder().fileName(storeFile()).open();
        store.renameMap(store.openMap(StoreMaps.CONVERTED), "footdrop.index-maps-by-value");
        store.close();

        withStore(FastH2Backend::new, records -> assertFoundAndUnique(records, keys));
        MVStore reopened = new MVStore.Builder().fileName(storeFile()).open();
        try {
            assertThat(reopened.getMapNames()).contains(StoreMaps.CONVERTED);
            assertThat(reopened.getMapNames()).doesNotContain("footdrop.index-maps-by-value");
        } finally {
            reopened.close();
        }
    }

    @Test
    void anAggregationLeavesTheStoredDocumentsAsTheyWere() {
        withStore(FastH2Backend::new, (store, records) -> {
            records.insertOne(new Document("_id", "r1").append("meta", new Document("a", 1)));
            var documents = documents(store);
            var stored = documents.get("r1");

            var added = records.aggregate(List.of(
                            new Document("$addFields", new Document("meta", new Document("b", 2)).append("extra", 1))))
                    .first();

            assertThat(added.get("meta", Document.class)).containsEntry("a", 1).containsEntry("b", 2);
            assertThat(stored.get("meta")).isEqualTo(new de.bwaldvogel.mongo.bson.Document("a", 1));
            assertThat(stored).doesNotContainKey("extra");
            assertThat(records.find(Filters.eq("_id", "r1")).first())
                    .isEqualTo(new Document("_id", "r1").append("meta", new Document("a", 1)));
        });
    }

    @Test
    void aDocumentBsonCannotHoldIsKeptInH2sOwnForm() {
        withStore(FastH2Backend::new, records -> {
            records.insertOne(new Document("_id", "r1").append("a", 1).append("b", 2));
            // a field name with a NUL: BSON would write it cut short; the library lets $rename make one
            records.updateOne(Filters.eq("_id", "r1"), new Document("$rename", new Document("a", "x\u0000y")));
        });
        // (the wire cannot carry that name either: the driver refuses the reply, so read the map itself)
        withStore(FastH2Backend::new, (store, records) -> {
            var documents = documents(store);
            assertThat(documents.get("r1"))
                    .containsEntry("x\u0000y", 1)
                    .containsEntry("b", 2)
                    .doesNotContainKey("a");
        });
    }

    @Test
    void aValueBsonHasNoTypeForIsKeptInH2sOwnFormAndReadBack() {
        withStore(FastH2Backend::new, (store, records) -> {
            records.insertOne(new Document("_id", "r1"));
            // no client can send one; the library could compute one, and the page writer must not fail on it
            documents(store)
                    .put("r2", new de.bwaldvogel.mongo.bson.Document("_id", "r2").append("big", BigInteger.TEN));
        });
        withStore(FastH2Backend::new, (store, records) -> {
            assertThat(documents(store).get("r2")).containsEntry("big", BigInteger.TEN);
            assertThat(records.find(Filters.eq("_id", "r1")).first()).isEqualTo(new Document("_id", "r1"));
        });
    }

    @Test
    void documentsUpdatedWhileTheStoreWritesThemReadBackWhole() throws Exception {
        int documents = 20;
        int updates = 300;
        withStore(FastH2Backend::new, (store, records) -> {
            for (int i = 0; i < documents; i++) {
                records.insertOne(new Document("_id", "p" + i).append("events", List.of()));
            }
            var writer = java.util.concurrent.Executors.newSingleThreadExecutor();
            var stop = new java.util.concurrent.atomic.AtomicBoolean();
            var commits = writer.submit(() -> {
                while (!stop.get()) {
                    store.commit(); // pages encoded while the updates below run
                }
            });
            try {
                for (int n = 0; n < updates; n++) {
                    for (int i = 0; i < documents; i++) {
                        records.updateOne(
                                Filters.eq("_id", "p" + i),
                                new Document("$push", new Document("events", new Document("n", n)))
                                        .append("$set", new Document("field" + (n % 7), n)));
                    }
                }
            } finally {
                stop.set(true);
            }
            assertThat(store.isClosed()).isFalse();
            try {
                commits.get();
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                writer.shutdown();
            }
        });
        withStore(FastH2Backend::new, records -> {
            for (int i = 0; i < documents; i++) {
                Document patient = records.find(Filters.eq("_id", "p" + i)).first();
                assertThat(patient.getList("events", Document.class)).hasSize(updates);
                assertThat(patient.getInteger("field" + ((updates - 1) % 7))).isEqualTo(updates - 1);
            }
        });
    }

    private static Document documentOfEveryType() {
        return new Document("_id", UUID.fromString("5d3c1a7e-9b2f-4e11-8a44-0c9e7d6b5a21"))
                .append("text", "Dextrose 5% – ü")
                .append("int", 7)
                .append("long", 1L << 40)
                .append("double", 0.5)
                .append("decimal", new org.bson.types.Decimal128(new java.math.BigDecimal("12.345")))
                .append("flag", true)
                .append("nothing", null)
                .append("at", java.util.Date.from(Instant.parse("2025-06-01T08:30:00.123Z")))
                .append("objectId", new ObjectId("65e1a2b3c4d5e6f708192a3b"))
                .append("bytes", new org.bson.types.Binary(new byte[] {1, 2, 3}))
                .append("list", List.of(1, "two", new Document("three", 3.0)))
                .append(
                        "nested",
                        new Document("history", List.of(new Document("revision", 1), new Document("revision", 2))));
    }

    private static List<Object> keysOfEveryType() {
        return List.of(
                "a",
                "b",
                "",
                "ü-with-accents",
                42,
                43L,
                2.5,
                -7,
                true,
                false,
                Instant.parse("2024-03-01T10:15:30Z"),
                new ObjectId("65e1a2b3c4d5e6f708192a3b"),
                UUID.fromString("0b7f5c1e-2f1d-4a55-9a1e-3c3c2b1f0a11"),
                new Document("system", "urn:clinic").append("value", "D-1"),
                new Document("system", "urn:clinic").append("value", "D-2"));
    }

    private static void assertFoundAndUnique(MongoCollection<Document> records, List<Object> keys) {
        for (int i = 0; i < keys.size(); i++) {
            Object key = keys.get(i);
            assertThat(records.find(Filters.eq("key", key)).first())
                    .as("the record keyed %s", key)
                    .extracting(d -> d.get("_id"))
                    .isEqualTo("r" + i);
            assertThatThrownBy(
                            () -> records.insertOne(new Document("_id", "dup-" + UUID.randomUUID()).append("key", key)))
                    .as("a second record keyed %s", key)
                    .isInstanceOfSatisfying(
                            MongoWriteException.class,
                            e -> assertThat(ErrorCategory.fromErrorCode(e.getCode()))
                                    .isEqualTo(ErrorCategory.DUPLICATE_KEY));
        }
    }

    /** Records r0, r1, ... under a unique index on {@code key}, keyed by these values in order. */
    private static void insertKeyed(MongoCollection<Document> records, List<Object> keys) {
        records.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
        for (int i = 0; i < keys.size(); i++) {
            records.insertOne(new Document("_id", "r" + i).append("key", keys.get(i)));
        }
    }

    /** The records collection's own map, open once the collection exists. */
    private static MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents(MVStore store) {
        return store.openMap("databases.footdrop_test.records");
    }

    private String storeFile() {
        return dir.resolve("store.mv").toString();
    }

    private void withStore(
            Function<MVStore, ? extends H2Backend> backend,
            java.util.function.Consumer<MongoCollection<Document>> work) {
        withStore(backend, (store, records) -> work.accept(records));
    }

    private void withStore(
            Function<MVStore, ? extends H2Backend> backend,
            java.util.function.BiConsumer<MVStore, MongoCollection<Document>> work) {
        MVStore store = new MVStore.Builder().fileName(storeFile()).open();
        MongoServer server = new MongoServer(backend.apply(store));
        try {
            InetSocketAddress address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":"
                    + address.getPort() + "/?uuidRepresentation=standard")) {
                work.accept(store, client.getDatabase("footdrop_test").getCollection("records"));
            }
        } finally {
            server.shutdown();
            if (!store.isClosed()) {
                store.close();
            }
        }
    }
}
