package org.footdrop.stack.store;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the store's document maps: each document as BSON, with mongo-java-server's own
 * codec. H2's default writes a document with Java serialisation, a new object stream and class
 * descriptors each time, and writes every document of a page again whenever the page changes.
 * Safe only because no stored document changes after it is put ({@link CopyOnUpdateCollection}): H2
 * encodes pages on its own thread.
 *
 * <p>Each value starts with a tag: BSON, or H2's own form. A value of a store file from before this
 * type is read in H2's form, so such a file needs no conversion; and a document BSON cannot hold
 * (a field name with a NUL, a value the encoder does not know) is written in that form, not lost.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** Outside the tags H2's own form starts with (0 to 119). */
    private static final byte BSON_DOCUMENT = 127;

    /** A decoded document takes about this many times its BSON size on the heap. */
    private static final int HEAP_PER_BSON_BYTE = 3;

    private final ObjectDataType h2Form = new ObjectDataType();

    /** What H2's page cache and page splits count a document as: the running mean of the sizes seen. */
    private volatile int averageSize = 1_000;

    @Override
    public int getMemory(Document document) {
        return averageSize * HEAP_PER_BSON_BYTE;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        byte[] bson = bsonOf(document);
        if (bson == null) {
            h2Form.write(buffer, document);
            return;
        }
        buffer.put(BSON_DOCUMENT).put(bson);
        averageSize = (bson.length + 15 * averageSize) / 16;
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON_DOCUMENT) {
            return (Document) h2Form.read(buffer);
        }
        buffer.get();
        int start = buffer.position();
        Document document = StoreBson.decode(buffer);
        averageSize = (buffer.position() - start + 15 * averageSize) / 16;
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /** The document as BSON, or null if BSON would not give it back. */
    private byte[] bsonOf(Document document) {
        if (!namesFitBson(document)) {
            return null;
        }
        try {
            return StoreBson.encode(document, averageSize + averageSize / 2);
        } catch (RuntimeException notEncodable) {
            return null;
        }
    }

    /** BSON writes a field name up to its first NUL: a name with one would come back another. */
    private static boolean namesFitBson(Object value) {
        if (value instanceof Map<?, ?> document) {
            for (Map.Entry<?, ?> field : document.entrySet()) {
                if (String.valueOf(field.getKey()).indexOf('\0') >= 0 || !namesFitBson(field.getValue())) {
                    return false;
                }
            }
        } else if (value instanceof Collection<?> values) {
            for (Object element : values) {
                if (!namesFitBson(element)) {
                    return false;
                }
            }
        }
        return true;
    }
}
