package org.footdrop.stack.store;

import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The update the services send most, a {@code $set} of plain field paths on one document named by a
 * string {@code _id}, applied without mongo-java-server's general update engine. That engine splits
 * and matches every path segment with regular expressions compiled per call, clones the whole document
 * and compares it whole; the projection's upserts set a few dozen paths in documents of several
 * kilobytes. Here only the documents along each path are copied (a stored document never changes once
 * put, {@link CopyOnUpdateCollection}), and a path is set only where the library would give the same
 * document: anything else (a path through an array or a scalar, a leaf whose value changes type, a
 * positional or conflicting path) is left to the library, untouched.
 */
final class SetById {

    private static final String ID = "_id";

    private final String id;
    private final List<String[]> paths;
    private final List<Object> values;

    private SetById(String id, List<String[]> paths, List<Object> values) {
        this.id = id;
        this.paths = paths;
        this.values = values;
    }

    /** The document set, and whether any of its values changed. */
    record Applied(Document document, boolean changed) {}

    /**
     * This update as a plain set by id, or null when it is anything else. Single or multi alike: an
     * {@code _id} names one document at most (Spring Data sends its bulk upserts as multi).
     */
    static SetById of(Document selector, Document update, ArrayFilters arrayFilters) {
        if (!arrayFilters.isEmpty()
                || selector.size() != 1
                || !(selector.get(ID) instanceof String id)
                || update.size() != 1
                || !(update.get("$set") instanceof Document set)
                || set.isEmpty()) {
            return null;
        }
        List<String[]> paths = new ArrayList<>(set.size());
        List<Object> values = new ArrayList<>(set.size());
        Set<String> named = new HashSet<>(set.keySet());
        for (var field : set.entrySet()) {
            String[] path = plainPath(field.getKey(), named);
            if (path == null) {
                return null;
            }
            paths.add(path);
            values.add(field.getValue());
        }
        return new SetById(id, paths, values);
    }

    String id() {
        return id;
    }

    /**
     * The fields set on a copy of {@code stored}; null if the library must apply them. {@code stored}
     * itself and every document in it are left as they are.
     */
    Applied applyTo(Document stored) {
        for (String name : stored.keySet()) {
            if (name.startsWith("$") || name.indexOf('.') >= 0) {
                return null; // the library refuses any update of such a document: let it say so
            }
        }
        Document result = stored.clone();
        Set<Document> copies = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean changed = false;
        for (int i = 0; i < paths.size(); i++) {
            String[] path = paths.get(i);
            Document parent = result;
            for (int depth = 0; depth < path.length - 1; depth++) {
                Object child = parent.get(path[depth]);
                Document copy;
                if (child instanceof Document document && copies.contains(document)) {
                    parent = document; // copied for an earlier path of this update
                    continue;
                } else if (child == null && !parent.containsKey(path[depth])) {
                    copy = new Document();
                } else if (child instanceof Document document) {
                    copy = document.clone();
                } else {
                    return null; // an array, a scalar or null on the way: the library's rules
                }
                copies.add(copy);
                parent.put(path[depth], copy);
                parent = copy;
            }
            String leaf = path[path.length - 1];
            Object value = values.get(i);
            if (value instanceof Missing) {
                return null; // set to nothing: the library leaves the field as it is
            }
            if (parent.containsKey(leaf)) {
                Object old = parent.get(leaf);
                if (old != null && old.equals(value)) {
                    continue;
                }
                if (old == null || value == null || !plainValue(old) || old.getClass() != value.getClass()) {
                    return null; // the library compares normalised values (1 and 1.0 are equal there)
                }
            }
            parent.put(leaf, value);
            changed = true;
        }
        return new Applied(result, changed);
    }

    /** Strings and booleans compare alike here and in the library. */
    private static boolean plainValue(Object value) {
        return value instanceof String || value instanceof Boolean;
    }

    /** The path's segments; null for {@code _id}, an empty, numeric or dollar segment, or a conflict. */
    private static String[] plainPath(String key, Set<String> named) {
        String[] segments = key.split("\\.", -1);
        if (segments[0].equals(ID)) {
            return null;
        }
        StringBuilder prefix = new StringBuilder(key.length());
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty() || segment.indexOf('$') >= 0 || isNumeric(segment)) {
                return null;
            }
            if (i > 0) {
                prefix.append('.');
            }
            prefix.append(segment);
            if (i < segments.length - 1 && named.contains(prefix.toString())) {
                return null; // "a" and "a.b" in one update: the library refuses it
            }
        }
        return segments;
    }

    private static boolean isNumeric(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
