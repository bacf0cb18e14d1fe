package org.footdrop.stack.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The value type of the store's document maps: each document as BSON, with mongo-java-server's own
 * codec. H2's default writes a document with Java serialisation, a new object stream and class
 * descriptors each time, and writes every document of a page again whenever the page changes.
 * Safe only because no stored document changes after it is put ({@link CopyOnUpdateCollection}): H2
 * encodes pages on its own thread.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** A decoded document takes about this many times its BSON size on the heap. */
    private static final int HEAP_PER_BSON_BYTE = 3;

    /** What H2's page cache and page splits count a document as: the running mean of the sizes written. */
    private volatile int averageSize = 1_000;

    @Override
    public int getMemory(Document document) {
        return averageSize * HEAP_PER_BSON_BYTE;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(averageSize + averageSize / 2);
        try {
            BsonEncoder.encodeDocument(document, bson);
            int size = bson.readableBytes();
            buffer.put(bson.nioBuffer());
            averageSize = (size + 15 * averageSize) / 16;
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int size = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer bson = buffer.slice();
        bson.limit(size);
        buffer.position(buffer.position() + size);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
