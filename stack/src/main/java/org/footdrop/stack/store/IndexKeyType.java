package org.footdrop.stack.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the store's unique-index maps. H2 treats mongo-java-server's {@link KeyValue} as an
 * unknown class: it orders such keys by their Java-serialised bytes, serialising both keys again for
 * every comparison of a B-tree search, and writes each with a new object stream whenever its page
 * changes: together two thirds of the store's CPU during an import. This type orders index keys
 * by their values (MongoDB's order, element by element) and writes them as BSON, falling back to H2's
 * own form for a key BSON would not give back equal; {@link StoreMaps} converts a map of the old form.
 */
final class IndexKeyType extends ObjectDataType {

    /** Outside the tags H2's own form starts with (0 to 119). */
    private static final byte BSON_KEY = 127;

    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

    /** What H2's page cache and page splits count a key as: the running mean of the sizes written. */
    private volatile int averageSize = 64;

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            int order = compareKeys(left, right);
            // values MongoDB's order ties but which are not the same key: H2's byte order tells them apart
            return order != 0 || left.equals(right) ? order : super.compare(a, b);
        }
        return super.compare(a, b);
    }

    private static int compareKeys(KeyValue left, KeyValue right) {
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
            int order = VALUES.compare(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    @Override
    public int getMemory(Object key) {
        return key instanceof KeyValue ? averageSize : super.getMemory(key);
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        byte[] bson = key instanceof KeyValue value ? asBson(value) : null;
        if (bson == null) {
            super.write(buffer, key);
            return;
        }
        buffer.put(BSON_KEY).put(bson);
        averageSize = (bson.length + 1 + 15 * averageSize) / 16;
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON_KEY) {
            return super.read(buffer); // H2's own form: a key of a store file from before, or without a BSON form
        }
        buffer.get();
        return keyOf(StoreBson.decode(buffer));
    }

    /** The key as a BSON document of its values ("0", "1", ...), if that reads back as an equal key. */
    private static byte[] asBson(KeyValue key) {
        Document values = new Document();
        for (int i = 0; i < key.size(); i++) {
            values.put(Integer.toString(i), key.get(i));
        }
        byte[] bson;
        try {
            bson = StoreBson.encode(values, 64);
        } catch (RuntimeException notEncodable) {
            return null;
        }
        return key.equals(keyOf(StoreBson.decode(ByteBuffer.wrap(bson)))) ? bson : null;
    }

    private static KeyValue keyOf(Document values) {
        List<Object> key = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            key.add(values.get(Integer.toString(i)));
        }
        return new KeyValue(key);
    }
}
