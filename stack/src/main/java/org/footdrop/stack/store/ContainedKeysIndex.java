package org.footdrop.stack.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.Collection;

/**
 * A unique index that also serves a query naming its keys by plain value beside other fields, such as
 * a compare-and-set on {@code {_id, revision}}: the library's index serves only a query of exactly its
 * keys, so any other scans the whole collection. The index finds the one candidate; the collection then
 * matches the whole query against it, as for every query an index serves. Everything else is the
 * library's index, which this one wraps.
 */
final class ContainedKeysIndex extends Index<Object> {

    private final Index<Object> index;

    ContainedKeysIndex(Index<Object> index, boolean sparse) {
        super(index.getName(), index.getKeys(), sparse);
        this.index = index;
    }

    @Override
    public boolean canHandle(Document query) {
        if (index.canHandle(query)) {
            return true;
        }
        if (!query.keySet().containsAll(keySet())) {
            return false;
        }
        for (String key : keys()) {
            Object value = query.get(key);
            // an operator, a list or a pattern is the library's to handle, or a scan's
            if (value == null
                    || value instanceof Document
                    || value instanceof Collection
                    || BsonRegularExpression.isRegularExpression(value)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        // the library's index reads only its own keys of the query
        return index.getPositions(query);
    }

    @Override
    public Object getPosition(Document document) {
        return index.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        index.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        index.add(document, position, collection);
    }

    @Override
    public Object remove(Document document) {
        return index.remove(document);
    }

    @Override
    public long getCount() {
        return index.getCount();
    }

    @Override
    public boolean isEmpty() {
        return index.isEmpty();
    }

    @Override
    public long getDataSize() {
        return index.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        index.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(
            Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection)
            throws KeyConstraintError {
        index.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        index.drop();
    }

    @Override
    public boolean isUnique() {
        return index.isUnique();
    }
}
