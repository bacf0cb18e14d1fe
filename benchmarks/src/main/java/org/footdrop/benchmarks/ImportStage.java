package org.footdrop.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import java.io.BufferedReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.footdrop.stack.ImportClient;
import org.footdrop.stack.SyntheticHistory;

/**
 * P6: a clinic's history imported in bulk, on a fresh stack. The same file's lines bulk-inserted
 * straight into the store, one document per line, 500 to a write, are the physical limit beside
 * which the import's rate is read; the importing services' resident memory is sampled for the file
 * and for one ten times smaller, which must not differ much if memory is flat in the file's size.
 */
final class ImportStage {

    private static final int BULK = 500;

    /** One import of a file: how long, how fast, and the importing services' largest footprint. */
    record Run(
            long lines,
            int patients,
            double uploadSeconds,
            double seconds,
            double catchUpSeconds,
            long refused,
            long peakIntakeBytes,
            long peakTreatmentBytes) {

        double linesPerSecond() {
            return lines / seconds;
        }
    }

    /** Waits until the outcomes-service has projected every event on the topics. */
    interface Drain {
        void await(Duration timeout) throws Exception;
    }

    private final BenchmarkStack stack;
    private final Path work;

    ImportStage(BenchmarkStack stack, Path work) {
        this.stack = stack;
        this.work = work;
    }

    /** The store's own bulk-insert rate of these lines (documents per second). */
    Report.Baseline rawBulkInsert(Path file) throws Exception {
        try (MongoClient client = MongoClients.create(stack.mongoUri);
                BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            MongoCollection<Document> raw =
                    client.getDatabase("footdrop_bench").getCollection("raw_import_" + UUID.randomUUID());
            long started = System.nanoTime();
            long count = 0;
            List<Document> batch = new ArrayList<>(BULK);
            String line;
            while ((line = lines.readLine()) != null) {
                batch.add(Document.parse(line).append("_id", UUID.randomUUID().toString()));
                if (batch.size() == BULK) {
                    raw.insertMany(batch, new InsertManyOptions().ordered(false));
                    count += batch.size();
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                raw.insertMany(batch, new InsertManyOptions().ordered(false));
                count += batch.size();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            raw.drop();
            return new Report.Baseline(count, seconds);
        }
    }

    /** Imports a file of {@code patients} through both services, as ./import.sh does, and times it. */
    Run importFile(Path file, int patients, Drain drain, boolean smoke) throws Exception {
        long lines = (long) patients * SyntheticHistory.LINES_PER_PATIENT;
        AtomicLong peakIntake = new AtomicLong();
        AtomicLong peakTreatment = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
                () -> {
                    sample("intake-service", peakIntake);
                    sample("treatment-service", peakTreatment);
                },
                0,
                500,
                TimeUnit.MILLISECONDS);
        try {
            long started = System.nanoTime();
            AtomicLong uploaded = new AtomicLong();
            List<CompletableFuture<ImportClient.Job>> jobs = new ArrayList<>();
            for (String service : List.of("intake", "treatment")) {
                ImportClient client =
                        new ImportClient(URI.create(stack.url(service)), () -> stack.token("clinical-writer"));
                jobs.add(CompletableFuture.supplyAsync(() -> {
                    ImportClient.Job job = client.start(file, "urn:bench:history", bytes -> {});
                    uploaded.accumulateAndGet(System.nanoTime(), Math::max);
                    return client.await(job.location(), Duration.ofMillis(smoke ? 100 : 1000), progress -> {
                        if (!smoke) {
                            System.out.printf(
                                    "import %s: %s %,d of %,d%n",
                                    service,
                                    progress.status(),
                                    progress.number("processed"),
                                    progress.number("linesToImport"));
                        }
                    });
                }));
            }
            long refused = 0;
            for (CompletableFuture<ImportClient.Job> job : jobs) {
                ImportClient.Job done = job.get();
                if (!"COMPLETED".equals(done.status())) {
                    throw new IllegalStateException("import " + done.status() + ": " + done.failure());
                }
                refused += done.number("refused");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            drain.await(Duration.ofHours(2));
            double catchUp = (System.nanoTime() - started) / 1e9;
            return new Run(
                    lines,
                    patients,
                    (uploaded.get() - started) / 1e9,
                    seconds,
                    catchUp,
                    refused,
                    peakIntake.get(),
                    peakTreatment.get());
        } finally {
            sampler.shutdownNow();
        }
    }

    Path history(int patients, String prefix) {
        return SyntheticHistory.write(work.resolve("history-" + patients + ".ndjson"), patients, prefix);
    }

    private void sample(String service, AtomicLong peak) {
        try {
            stack.pid(service)
                    .flatMap(BenchmarkStack::residentBytes)
                    .ifPresent(bytes -> peak.accumulateAndGet(bytes, Math::max));
        } catch (Exception e) {
            // a missed sample lowers no peak already seen
        }
    }

    static Map<String, Double> perLine(Map<String, Double> before, Map<String, Double> after, long lines) {
        return StoreCommands.perRequest(before, after, lines);
    }
}
