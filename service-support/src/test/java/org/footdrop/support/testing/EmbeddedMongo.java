package org.footdrop.support.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/**
 * mongo-java-server speaking the real MongoDB wire protocol on a free local port, for tests that
 * run without Docker. One per test class; the database name tells services apart.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final InetSocketAddress address;

    public EmbeddedMongo() {
        this.address = server.bind();
    }

    public String uri(String database) {
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
