package org.footdrop.stack.store;

import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store's unique-index maps in this store's format ({@link IndexKeyType}) before
 * mongo-java-server asks for them: H2 hands an open map to every later {@code openMap(name)}, whatever
 * types that caller would have used. A map written in H2's default format (a store file from before
 * this type) is copied into the new format once, on first open; {@value #FORMATS} records the maps
 * already in it.
 */
final class StoreMaps {

    private static final Logger log = LoggerFactory.getLogger(StoreMaps.class);

    /** Outside mongo-java-server's name spaces ("databases.", "meta.", "db.collection._index_"). */
    static final String FORMATS = "footdrop.map-formats";

    /** A map's format: its name in {@value #FORMATS} and the builder that opens a map in it. */
    enum Format {
        INDEX_KEYS_BY_VALUE {
            @Override
            MVMap.Builder<Object, Object> builder() {
                return new MVMap.Builder<>().keyType(new IndexKeyType());
            }
        };

        abstract MVMap.Builder<Object, Object> builder();
    }

    private StoreMaps() {}

    static void open(MVStore store, String name, Format format) {
        MVMap<String, String> formats = store.openMap(FORMATS);
        if (format.name().equals(formats.get(name)) || !store.hasMap(name)) {
            store.openMap(name, format.builder());
        } else {
            convert(store, name, format);
        }
        formats.put(name, format.name());
    }

    /** Copies the map's entries into one in the new format, which then takes the old one's name. */
    private static void convert(MVStore store, String name, Format format) {
        MVMap<Object, Object> old = store.openMap(name);
        String copyName = name + ".converting";
        if (store.hasMap(copyName)) {
            store.removeMap(copyName); // a conversion cut off by a crash starts again
        }
        MVMap<Object, Object> copy = store.openMap(copyName, format.builder());
        long entries = 0;
        for (Map.Entry<Object, Object> entry : old.entrySet()) {
            copy.put(entry.getKey(), entry.getValue());
            entries++;
        }
        store.removeMap(old);
        store.renameMap(copy, name);
        log.info("Store map {} converted to {} ({} entries)", name, format, entries);
    }
}
