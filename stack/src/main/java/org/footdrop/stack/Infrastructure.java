package org.footdrop.stack;

import java.nio.file.Path;
import java.util.List;

/** Kafka and the MongoDB-wire store, both in this JVM, both keeping their data under one directory. */
public final class Infrastructure implements AutoCloseable {

    private final MongoStore mongo;
    private final KafkaBroker kafka;
    private final InfraPorts ports;

    private Infrastructure(MongoStore mongo, KafkaBroker kafka, InfraPorts ports) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.ports = ports;
    }

    public static Infrastructure start(Path dataDir, InfraPorts ports, List<TopicSpec> topics) throws Exception {
        MongoStore mongo = MongoStore.start(dataDir.resolve("mongo"), ports.mongo());
        KafkaBroker kafka = null;
        try {
            kafka = KafkaBroker.start(dataDir.resolve("kafka"), ports);
            kafka.ensureTopics(topics);
            return new Infrastructure(mongo, kafka, ports);
        } catch (Exception | Error e) {
            if (kafka != null) {
                kafka.close();
            }
            mongo.close();
            throw e;
        }
    }

    public InfraPorts ports() {
        return ports;
    }

    /** Stops the broker, then the store, whose close writes its last commit to disk. */
    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            mongo.close();
        }
    }
}
