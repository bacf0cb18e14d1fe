package org.footdrop.stack.store;

import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store's unique-index maps with {@link IndexKeyType} before mongo-java-server asks for them:
 * H2 hands an open map to every later {@code openMap(name)}, whatever types that caller would have used.
 * A map written with H2's default type (a store file from before this one) is copied into the new form
 * once, on first open; {@value #CONVERTED} records the maps already in it.
 */
final class StoreMaps {

    private static final Logger log = LoggerFactory.getLogger(StoreMaps.class);

    /** Outside mongo-java-server's name spaces ("databases.", "meta.", "db.collection._index_"). */
    static final String CONVERTED = "footdrop.index-maps-by-value";

    private StoreMaps() {}

    static void openIndex(MVStore store, String name) {
        MVMap<String, Boolean> converted = store.openMap(CONVERTED);
        if (Boolean.TRUE.equals(converted.get(name)) || !store.hasMap(name)) {
            store.openMap(name, keyedByValue());
        } else {
            convert(store, name);
        }
        converted.put(name, Boolean.TRUE);
    }

    /** Copies the map's entries into one of the new form, which then takes the old one's name. */
    private static void convert(MVStore store, String name) {
        MVMap<Object, Object> old = store.openMap(name);
        String copyName = name + ".converting";
        if (store.hasMap(copyName)) {
            store.removeMap(copyName); // a conversion cut off by a crash starts again
        }
        MVMap<Object, Object> copy = store.openMap(copyName, keyedByValue());
        long entries = 0;
        for (Map.Entry<Object, Object> entry : old.entrySet()) {
            copy.put(entry.getKey(), entry.getValue());
            entries++;
        }
        store.removeMap(old);
        store.renameMap(copy, name);
        log.info("Index map {} converted to keys by value ({} keys)", name, entries);
    }

    private static MVMap.Builder<Object, Object> keyedByValue() {
        return new MVMap.Builder<>().keyType(new IndexKeyType());
    }
}
