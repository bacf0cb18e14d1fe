package org.footdrop.support.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.footdrop.support.testing.EmbeddedMongo;
import org.footdrop.support.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Two instances of a service over one store, each with its own jobs: a starting instance takes up its
 * own and a gone instance's, never a live one's, and one whose job was taken over stops at its next
 * checkpoint.
 */
@Tag("infrastructure")
class ImportJobLeaseTest {

    private final EmbeddedMongo store = new EmbeddedMongo();
    private final MongoClient client = MongoClients.create(store.uri("imports"));
    private final MongoTemplate mongo = new MongoTemplate(client, "imports");
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final ImportJobs a = new ImportJobs(mongo, clock, "host-a:/imports");
    private final ImportJobs b = new ImportJobs(mongo, clock, "host-b:/imports");

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    @Test
    void shouldLeaveALiveInstancesJobsToItAndTakeUpAGoneOnesOnceTheirLeaseRanOut() {
        a.create("job-uploading", "urn:test", "clinic", "writer");
        a.create("job-running", "urn:test", "clinic", "writer");
        a.running("job-running");

        // b starts: a's jobs are a's, however they stand
        assertThat(ids(b.claimable(true))).isEmpty();
        // a restarted takes its own up at once
        assertThat(ids(a.claimable(true))).containsExactly("job-uploading", "job-running");
        assertThat(ids(a.claimable(false)))
                .as("later scans: only a gone instance's")
                .isEmpty();

        // a renews while it lives
        clock.move(ImportJobs.LEASE.minusSeconds(1));
        a.renewLeases();
        clock.move(Duration.ofSeconds(2));
        assertThat(ids(b.claimable(false))).isEmpty();

        // a is gone: once its leases ran out, b takes its jobs up, each exactly once (a, alive after all,
        // does not take its own up again: only its store was away)
        clock.move(ImportJobs.LEASE);
        assertThat(ids(a.claimable(false))).isEmpty();
        List<Document> gone = b.claimable(false);
        assertThat(ids(gone)).containsExactly("job-uploading", "job-running");
        assertThat(b.claim(gone.get(1))).isTrue();
        assertThat(a.claim(gone.get(1)))
                .as("claimed as read: another took it in between")
                .isFalse();
        assertThat(b.document("job-running").orElseThrow().getString("owner")).isEqualTo("host-b:/imports");

        // a comes back to life with its run: it may not write the job's checkpoint, and stops
        assertThatThrownBy(() -> a.progressed("job-running", new ImportJobs.Progress(500, 500, 0, 0)))
                .isInstanceOf(ImportJobs.TakenOver.class);
        b.progressed("job-running", new ImportJobs.Progress(500, 500, 0, 0));
        // nor mark it running, nor end it (its failure, say, once the store is back)
        assertThatThrownBy(() -> a.running("job-running")).isInstanceOf(ImportJobs.TakenOver.class);
        assertThat(a.finished("job-running", ImportJob.Status.FAILED, "the store was away"))
                .isFalse();
        assertThat(b.document("job-running").orElseThrow().getString("status")).isEqualTo("RUNNING");
        // nor renew b's lease, nor queue the upload b took up meanwhile
        assertThat(b.claim(gone.get(0))).isTrue();
        Object leaseBefore = b.document("job-running").orElseThrow().get("leaseUntil");
        clock.move(Duration.ofSeconds(5));
        a.renewLeases();
        assertThat(b.document("job-running").orElseThrow().get("leaseUntil")).isEqualTo(leaseBefore);
        assertThat(a.received("job-uploading", 10, 10, 0, 0, true)).isFalse();
        assertThat(a.document("job-uploading").orElseThrow().getString("status"))
                .isEqualTo("RECEIVING");
        b.renewLeases();
        assertThat(b.document("job-running").orElseThrow().get("leaseUntil")).isNotEqualTo(leaseBefore);
    }

    @Test
    void shouldLetAStartingInstanceTakeUpAJobOfAReleaseWithoutOwners() {
        a.create("job-old", "urn:test", "clinic", "writer");
        a.running("job-old");
        mongo.getCollection(ImportJobs.JOBS)
                .updateOne(
                        new Document("_id", "job-old"),
                        new Document("$unset", new Document("owner", "").append("leaseUntil", "")));

        // not while running: an instance of that release may be running it
        assertThat(ids(b.claimable(false))).isEmpty();
        // at a start, as that release did
        List<Document> found = b.claimable(true);

        assertThat(ids(found)).containsExactly("job-old");
        assertThat(b.claim(found.get(0))).isTrue();
        assertThat(b.claim(found.get(0))).as("claimed as read").isFalse();
        assertThat(ids(a.claimable(false))).isEmpty();
    }

    private static List<String> ids(List<Document> jobs) {
        return jobs.stream().map(job -> job.getString("_id")).toList();
    }
}
