package org.footdrop.stack.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 collection whose stored documents never change once put. The library updates
 * a document in place and then puts it again; H2 may be encoding that document's page on its own
 * thread meanwhile ({@link BsonDocumentType}). Here an update works on copies of the documents it
 * matched, and the copy is what it puts; an aggregation works on deep copies. A shallow copy suffices
 * for an update: the library computes the new document from a deep clone of the old and then only
 * puts and removes top-level fields of the one it matched.
 */
final class CopyOnUpdateCollection extends H2Collection {

    /** The thread inside an update of this collection (its methods hold the collection's monitor). */
    private volatile Thread updating;

    CopyOnUpdateCollection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, Document> dataMap,
            MVMap<String, Object> metaMap,
            CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    public synchronized Document updateDocuments(
            Document selector,
            Document updateQuery,
            ArrayFilters arrayFilters,
            boolean isMulti,
            boolean isUpsert,
            Oplog oplog) {
        Thread before = updating;
        updating = Thread.currentThread();
        try {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        } finally {
            updating = before;
        }
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        Thread before = updating;
        updating = Thread.currentThread();
        try {
            return super.findAndModify(query);
        } finally {
            updating = before;
        }
    }

    @Override
    protected QueryResult matchDocuments(
            Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        return copiedForUpdate(super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector));
    }

    @Override
    protected QueryResult matchDocuments(
            Document query,
            Iterable<Object> positions,
            Document orderBy,
            int numberToSkip,
            int limit,
            int batchSize,
            Document fieldSelector) {
        return copiedForUpdate(
                super.matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector));
    }

    /**
     * An aggregation's source and its lookups: stages such as {@code $addFields} and
     * {@code $graphLookup} write into the documents they are handed, nested ones included, so they
     * get deep copies. (The project's services never aggregate; other clients of the store may.)
     */
    @Override
    public Stream<Document> queryAllAsStream() {
        return super.queryAllAsStream().map(Document::cloneDeeply);
    }

    @Override
    public Stream<Document> handleQueryAsStream(Document query) {
        return super.handleQueryAsStream(query).map(Document::cloneDeeply);
    }

    private QueryResult copiedForUpdate(QueryResult matched) {
        if (updating != Thread.currentThread()) {
            return matched; // a read: the stored documents themselves, which nobody changes
        }
        List<Document> copies = new ArrayList<>();
        for (Document document : matched) {
            copies.add(document.clone());
        }
        return new QueryResult(copies, matched.getCursorId());
    }
}
