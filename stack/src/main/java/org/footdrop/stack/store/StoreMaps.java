package org.footdrop.stack.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store's maps in this project's forms before mongo-java-server asks for them: unique-index
 * maps keyed by {@link IndexKeyType}, document maps with {@link BsonDocumentType} values. H2 hands an
 * open map to every later {@code openMap(name)}, whatever types that caller would have used. An index
 * map written with H2's default key type (a store file from before that type) is copied into the new
 * form once, on first open, since its keys are ordered otherwise; {@value #CONVERTED} records the maps
 * already in it. A document map needs no copy: its type reads values of either form.
 */
final class StoreMaps {

    private static final Logger log = LoggerFactory.getLogger(StoreMaps.class);

    /**
     * Outside mongo-java-server's name spaces ("databases.", "meta.", "db.collection._index_"): without
     * a dot, so that dropping a database (every map named "db." and more) never takes it along.
     */
    static final String CONVERTED = "footdrop-index-maps-by-value";

    /** The registry's first name, which a database named "footdrop" would have dropped. */
    private static final String CONVERTED_BEFORE = "footdrop.index-maps-by-value";

    private StoreMaps() {}

    static MVMap<Object, Document> openDocuments(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
    }

    static void openIndex(MVStore store, String name) {
        MVMap<String, Boolean> converted = registry(store);
        String copyName = copyName(name);
        if (!store.hasMap(name) && store.hasMap(copyName)) {
            finishConversion(store, name, store.openMap(copyName, keyedByValue()), converted);
        } else if (Boolean.TRUE.equals(converted.get(name)) || !store.hasMap(name)) {
            store.openMap(name, keyedByValue());
        } else {
            convert(store, name, converted);
        }
        converted.put(name, Boolean.TRUE);
    }

    /** The registry, its entries moved over from its first name on first open. */
    private static MVMap<String, Boolean> registry(MVStore store) {
        MVMap<String, Boolean> converted = store.openMap(CONVERTED);
        if (store.hasMap(CONVERTED_BEFORE)) {
            MVMap<String, Boolean> before = store.openMap(CONVERTED_BEFORE);
            converted.putAll(before);
            store.removeMap(before);
        }
        return converted;
    }

    /**
     * Copies the map's entries into one of the new form, which then takes the old one's name. H2 persists
     * whole versions of the store in the order of these steps, so a crash leaves one of three states, each
     * finished on the next open: the old map still there (its copy is made again), or the old map gone with
     * the copy complete, renamed or not. (Were the copy dropped, the library would rebuild the then empty
     * index from the collection's documents at its next open: slower, not wrong.)
     */
    private static void convert(MVStore store, String name, MVMap<String, Boolean> converted) {
        MVMap<Object, Object> old = store.openMap(name);
        String copyName = copyName(name);
        if (store.hasMap(copyName)) {
            store.removeMap(copyName); // a copy cut off by a crash starts again
        }
        MVMap<Object, Object> copy = store.openMap(copyName, keyedByValue());
        for (Map.Entry<Object, Object> entry : old.entrySet()) {
            copy.put(entry.getKey(), entry.getValue());
        }
        store.removeMap(old);
        finishConversion(store, name, copy, converted);
    }

    private static void finishConversion(
            MVStore store, String name, MVMap<Object, Object> copy, MVMap<String, Boolean> converted) {
        converted.put(name, Boolean.TRUE); // before the rename: a renamed map is always known converted
        store.renameMap(copy, name);
        log.info("Index map {} converted to keys by value ({} keys)", name, copy.sizeAsLong());
    }

    static String copyName(String name) {
        return name + ".converting";
    }

    private static MVMap.Builder<Object, Object> keyedByValue() {
        return new MVMap.Builder<>().keyType(new IndexKeyType());
    }
}
