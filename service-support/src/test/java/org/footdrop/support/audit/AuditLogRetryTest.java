package org.footdrop.support.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The audit writer while the store is away, over the wire protocol: records accepted meanwhile are
 * kept in the queue, the failed batch is retried with backoff, and once the store is back every
 * record is stored, none twice.
 */
@Tag("infrastructure")
class AuditLogRetryTest {

    @Test
    void shouldKeepRetryingWhileTheStoreIsAwayAndStoreEveryRecordOnceItIsBack() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        MongoServer first = new MongoServer(new MemoryBackend());
        first.bind("127.0.0.1", port);
        MongoServer second = null;
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (MongoClient client =
                MongoClients.create("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=300")) {
            AuditLog audit = new AuditLog(new MongoTemplate(client, "audit"), meters, 100);
            audit.start();
            try {
                // given one record stored while the store is up
                audit.append(record("pt-before"));
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> meters.counter("footdrop.audit.records").count() == 1);

                // when the store goes away and two more requests are audited
                first.shutdownNow();
                audit.append(record("pt-during-1"));
                audit.append(record("pt-during-2"));

                // then the writer fails and retries, keeping them
                await().atMost(Duration.ofSeconds(10))
                        .until(() ->
                                meters.counter("footdrop.audit.write.failures").count() >= 2);
                assertThat(meters.counter("footdrop.audit.records").count()).isEqualTo(1);

                // and once a store is back on the same address, both are stored, each once
                second = new MongoServer(new MemoryBackend());
                second.bind("127.0.0.1", port);
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> meters.counter("footdrop.audit.records").count() == 3);
                List<Document> stored = new MongoTemplate(client, "audit").findAll(Document.class, AuditLog.COLLECTION);
                assertThat(stored)
                        .extracting(d -> d.getList("patientIds", String.class).get(0))
                        .containsExactlyInAnyOrder("pt-during-1", "pt-during-2");
            } finally {
                audit.stop();
            }
        } finally {
            first.shutdownNow();
            if (second != null) {
                second.shutdownNow();
            }
        }
    }

    private static AuditRecord record(String patientId) {
        return new AuditRecord(
                UUID.randomUUID().toString(),
                Instant.now(),
                "intake-service",
                "clinical-writer",
                "clinical-writer",
                "POST /api/v1/diagnoses",
                "/api/v1/diagnoses",
                null,
                List.of(patientId),
                201,
                "ACCEPTED",
                UUID.randomUUID().toString());
    }
}
