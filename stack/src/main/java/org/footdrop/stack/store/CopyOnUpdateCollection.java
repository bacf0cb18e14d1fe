package org.footdrop.stack.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
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
        SetById set = SetById.of(selector, updateQuery, arrayFilters);
        Document result = set == null ? null : setById(set, selector, updateQuery, isUpsert, oplog);
        if (result != null) {
            return result;
        }
        Thread before = updating;
        updating = Thread.currentThread();
        try {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        } finally {
            updating = before;
        }
    }

    /**
     * A plain set by id ({@link SetById}) as the library would apply it: the same document, index checks,
     * oplog entries and answer. Null when the library must apply it after all, nothing done yet.
     */
    private Document setById(SetById set, Document selector, Document updateQuery, boolean isUpsert, Oplog oplog) {
        Document stored = getDocument(set.id()); // a document's position in H2's map is its _id
        if (stored == null) {
            if (!isUpsert) {
                oplog.handleUpdate(getFullName(), selector, updateQuery, List.of());
                return new Document("n", 0).append("nModified", 0);
            }
            SetById.Applied created = set.applyTo(new Document("_id", set.id()));
            if (created == null) {
                return null;
            }
            addDocument(created.document());
            oplog.handleInsert(getFullName(), List.of(created.document()));
            return new Document("upserted", set.id()).append("n", 0).append("nModified", 0);
        }
        SetById.Applied applied = set.applyTo(stored);
        if (applied == null) {
            return null;
        }
        List<Object> updatedIds = new ArrayList<>(1);
        if (applied.changed()) {
            for (Index<Object> index : getIndexes()) {
                index.checkUpdate(stored, applied.document(), this);
            }
            for (Index<Object> index : getIndexes()) {
                index.updateInPlace(stored, applied.document(), set.id(), this);
            }
            handleUpdate(set.id(), stored, applied.document());
            updatedIds.add(set.id());
        }
        oplog.handleUpdate(getFullName(), selector, updateQuery, updatedIds);
        return new Document("n", 1).append("nModified", updatedIds.size());
    }

    /**
     * Not kept: nothing here asks for a collection's data size, and keeping it encodes every document
     * inserted, and both versions of every document updated, once more only to count its bytes.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
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
