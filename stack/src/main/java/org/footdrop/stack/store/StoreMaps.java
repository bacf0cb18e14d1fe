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
 * open map to every later {@code openMap(name)}, whatever types that caller would have used. A map
 * written with H2's default types (a store file from before a form) is copied into the new form once,
 * on first open; each form's registry map records the maps already in it.
 */
final class StoreMaps {

    private static final Logger log = LoggerFactory.getLogger(StoreMaps.class);

    /** Outside mongo-java-server's name spaces ("databases.", "meta.", "db.collection._index_"). */
    static final String CONVERTED = "footdrop.index-maps-by-value";

    /** The document maps already holding BSON; a registry of its own, beside {@value #CONVERTED}. */
    static final String DOCUMENTS_CONVERTED = "footdrop.document-maps-as-bson";

    /** A form of map: its builder and the registry of the maps converted into it. */
    private record Form<K, V>(String registry, MVMap.Builder<K, V> builder) {}

    private StoreMaps() {}

    static void openIndex(MVStore store, String name) {
        open(store, name, new Form<>(CONVERTED, keyedByValue()));
    }

    static MVMap<Object, Document> openDocuments(MVStore store, String name) {
        return open(store, name, new Form<>(DOCUMENTS_CONVERTED, documentsAsBson()));
    }

    private static <K, V> MVMap<K, V> open(MVStore store, String name, Form<K, V> form) {
        MVMap<String, Boolean> converted = store.openMap(form.registry());
        String copyName = copyName(name);
        MVMap<K, V> map;
        if (!store.hasMap(name) && store.hasMap(copyName)) {
            map = finishConversion(store, name, store.openMap(copyName, form.builder()), converted);
        } else if (Boolean.TRUE.equals(converted.get(name)) || !store.hasMap(name)) {
            map = store.openMap(name, form.builder());
        } else {
            map = convert(store, name, form, converted);
        }
        converted.put(name, Boolean.TRUE);
        return map;
    }

    /**
     * Copies the map's entries into one of the new form, which then takes the old one's name. H2 persists
     * whole versions of the store in the order of these steps, so a crash leaves one of three states, each
     * finished on the next open: the old map still there (its copy is made again), or the old map gone with
     * the copy complete, renamed or not. (Were the copy dropped, the library would rebuild the then empty
     * index from the collection's documents at its next open: slower, not wrong.)
     */
    @SuppressWarnings("unchecked")
    private static <K, V> MVMap<K, V> convert(
            MVStore store, String name, Form<K, V> form, MVMap<String, Boolean> converted) {
        MVMap<Object, Object> old = store.openMap(name);
        String copyName = copyName(name);
        if (store.hasMap(copyName)) {
            store.removeMap(copyName); // a copy cut off by a crash starts again
        }
        MVMap<K, V> copy = store.openMap(copyName, form.builder());
        for (Map.Entry<Object, Object> entry : old.entrySet()) {
            copy.put((K) entry.getKey(), (V) entry.getValue());
        }
        store.removeMap(old);
        return finishConversion(store, name, copy, converted);
    }

    private static <K, V> MVMap<K, V> finishConversion(
            MVStore store, String name, MVMap<K, V> copy, MVMap<String, Boolean> converted) {
        converted.put(name, Boolean.TRUE); // before the rename: a renamed map is always known converted
        store.renameMap(copy, name);
        log.info("Map {} converted to this project's form ({} entries)", name, copy.sizeAsLong());
        return copy;
    }

    static String copyName(String name) {
        return name + ".converting";
    }

    private static MVMap.Builder<Object, Object> keyedByValue() {
        return new MVMap.Builder<>().keyType(new IndexKeyType());
    }

    private static MVMap.Builder<Object, Document> documentsAsBson() {
        return new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType());
    }
}
