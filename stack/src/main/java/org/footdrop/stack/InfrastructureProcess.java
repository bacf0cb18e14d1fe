package org.footdrop.stack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The broker and the store alone in a JVM of their own, on given ports, as the launcher's JVM holds
 * them: for a harness that must measure that JVM without its own load in it (the benchmarks).
 * Arguments: the data directory, the Kafka port, the controller port and the store's port (0: no
 * store, another MongoDB serves). Prints "ready" once both listen; SIGTERM stops both cleanly.
 */
public final class InfrastructureProcess {

    private InfrastructureProcess() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        InfraPorts ports =
                new InfraPorts(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        MongoStore store = ports.mongo() == 0 ? null : MongoStore.start(data.resolve("mongo"), ports.mongo());
        KafkaBroker kafka = KafkaBroker.start(data.resolve("kafka"), ports);
        kafka.ensureTopics(TopicSpec.standard());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                kafka.close();
                            } finally {
                                if (store != null) {
                                    store.close(); // writes its last commit to disk
                                }
                                stopped.countDown();
                            }
                        },
                        "infrastructure-shutdown"));
        System.out.println("ready");
        stopped.await();
    }
}
