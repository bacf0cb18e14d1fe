package org.footdrop.stack.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with its documents stored as BSON ({@link BsonDocumentType}) and never
 * changed once put ({@link CopyOnUpdateCollection}), and its unique indexes ordered by value and their
 * keys written as BSON ({@link IndexKeyType}), each also serving queries that name its keys among others
 * ({@link ContainedKeysIndex}). Everything else is the library's: the query engine, the maps' names and
 * the file.
 */
public final class FastH2Backend extends H2Backend {

    public FastH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore());
    }

    /**
     * Inner, so that it reaches the store while H2Backend's constructor still runs: the backend opens
     * the file's databases, and each its indexes, before a field of this class is set.
     * The map names are H2Database's (its own methods for them are private).
     */
    private final class Database extends H2Database {

        Database(String databaseName, MVStore store) {
            super(databaseName, store, getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            return new CopyOnUpdateCollection(
                    this,
                    collectionName,
                    options,
                    StoreMaps.openDocuments(getMvStore(), "databases." + namespace),
                    getMvStore().openMap("meta." + namespace),
                    cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            String index = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            StoreMaps.openIndex(getMvStore(), index);
            return new ContainedKeysIndex(
                    super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), sparse);
        }
    }
}
