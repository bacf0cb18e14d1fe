package org.footdrop.stack.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The store's values as BSON, in mongo-java-server's own codec: the index keys' and the documents'. */
final class StoreBson {

    private StoreBson() {}

    /** The document's bytes; the encoder's exception if it holds a value BSON has no type for. */
    static byte[] encode(Document document, int expectedSize) {
        ByteBuf bson = Unpooled.buffer(expectedSize);
        try {
            BsonEncoder.encodeDocument(document, bson);
            byte[] bytes = new byte[bson.readableBytes()];
            bson.readBytes(bytes);
            return bytes;
        } finally {
            bson.release();
        }
    }

    /** Reads one document and moves the buffer past it; a BSON document starts with its length. */
    static Document decode(ByteBuffer buffer) {
        int size = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer bson = buffer.slice();
        bson.limit(size);
        buffer.position(buffer.position() + size);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }
}
