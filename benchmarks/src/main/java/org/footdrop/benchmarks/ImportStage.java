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
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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
    private static final String INTAKE = "intake-service";
    private static final String TREATMENT = "treatment-service";
    private static final double MIB = 1024.0 * 1024.0;

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

    /**
     * What P6 measured: the smaller file's import, then the file's ({@code runs}), the store's own
     * bulk insert of the file's lines, and the store commands per line of the file's import.
     */
    record Result(
            List<Run> runs,
            Report.Baseline rawBulkInsert,
            Map<String, Double> commandsPerLine,
            Map<String, Double> rawCpuSeconds,
            Map<String, Double> importCpuSeconds) {

        Result(List<Run> runs, Report.Baseline rawBulkInsert) {
            this(runs, rawBulkInsert, Map.of(), Map.of(), Map.of());
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

    /** A file of {@code patients} and one ten times smaller, imported one after the other. */
    /**
     * The smaller file, the baseline, then the file; {@code measured} hears each figure as it is taken,
     * so a run stopped in the middle still reports what it measured.
     */
    void measure(int patients, Drain drain, boolean smoke, Consumer<Result> measured) throws Exception {
        int small = Math.max(1, patients / 10);
        Path smallFile = history(small, "imp-s-");
        Path largeFile = history(patients, "imp-l-");
        Run smaller = importFile(smallFile, small, drain, smoke);
        measured.accept(new Result(List.of(smaller), null));
        Map<String, Duration> cpuBefore = stack.cpuTimes();
        Report.Baseline raw = rawBulkInsert(largeFile);
        Map<String, Double> rawCpu = stack.cpuSecondsSince(cpuBefore);
        measured.accept(new Result(List.of(smaller), raw));
        Map<String, Double> before = StoreCommands.snapshot(stack);
        cpuBefore = stack.cpuTimes();
        Run run = importFile(largeFile, patients, drain, smoke);
        Map<String, Double> importCpu = stack.cpuSecondsSince(cpuBefore);
        measured.accept(new Result(
                List.of(smaller, run),
                raw,
                StoreCommands.perRequest(before, StoreCommands.snapshot(stack), run.lines()),
                rawCpu,
                importCpu));
    }

    /** The store's own bulk-insert rate of these lines (documents per second). */
    private Report.Baseline rawBulkInsert(Path file) throws Exception {
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
    private Run importFile(Path file, int patients, Drain drain, boolean smoke) throws Exception {
        long lines = (long) patients * SyntheticHistory.LINES_PER_PATIENT;
        try (PeakResident peaks = new PeakResident(stack, Duration.ofMillis(500), INTAKE, TREATMENT)) {
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
                    peaks.of(INTAKE),
                    peaks.of(TREATMENT));
        }
    }

    private Path history(int patients, String prefix) {
        return SyntheticHistory.write(work.resolve("history-" + patients + ".ndjson"), patients, prefix);
    }

    // ---------------------------------------------------------------- the report's section

    static void summaryRow(Result r, Report.SummaryRow row) {
        if (r == null || r.runs().size() < 2 || r.rawBulkInsert() == null) {
            return; // the run stopped before the file's import: the section says what was measured
        }
        Run file = r.runs().get(1);
        double raw = r.rawBulkInsert().events() / r.rawBulkInsert().seconds();
        double ratio = file.linesPerSecond() / raw;
        row.add(
                "P6 import (" + count(file.lines()) + " lines)",
                rate(file.linesPerSecond()) + " lines/s",
                rate(raw) + " documents/s bulk-inserted straight into the store",
                ratio,
                "ratio >= 0.5",
                ratio >= 0.5);
    }

    static void section(StringBuilder md, Result r) {
        if (r == null) {
            return;
        }
        md.append("## P6: bulk import\n\n");
        md.append("On a fresh stack: a synthetic history (ten lines a patient: a diagnosis, five assessments, three"
                + " injections, a therapy) uploaded to intake-service and treatment-service as `./import.sh`"
                + " does; timed from the first byte until both jobs completed, then until the"
                + " outcomes-service had projected every event. Resident memory of each importing service,"
                + " sampled every 0.5 s: flat in the file's size if the larger file needs no more.\n\n");
        md.append("| lines | patients | upload s | import s | lines/s | projected after s | refused |"
                + " peak RSS intake MiB | peak RSS treatment MiB |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Run run : r.runs()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.1f | %.1f | %s | %.1f | %s | %.0f | %.0f |%n",
                    count(run.lines()),
                    count(run.patients()),
                    run.uploadSeconds(),
                    run.seconds(),
                    rate(run.linesPerSecond()),
                    run.catchUpSeconds(),
                    count(run.refused()),
                    run.peakIntakeBytes() / MIB,
                    run.peakTreatmentBytes() / MIB));
        }
        md.append('\n');
        if (r.rawBulkInsert() == null) {
            md.append("The run stopped before the baseline and the larger file.\n\n");
            return;
        }
        md.append(String.format(
                Locale.ROOT,
                "Baseline: the larger file's %s lines bulk-inserted into the store from this JVM, one"
                        + " document per line, 500 to an unordered insert: %.1f s, %s documents/s.%n%n",
                count(r.rawBulkInsert().events()),
                r.rawBulkInsert().seconds(),
                rate(r.rawBulkInsert().events() / r.rawBulkInsert().seconds())));
        cpuTable(md, r);
        if (!r.commandsPerLine().isEmpty()) {
            md.append("Store commands per line of the larger file (service, command, collection):\n\n");
            md.append("| command | per line |\n");
            md.append("| --- | --- |\n");
            r.commandsPerLine()
                    .forEach((command, perLine) ->
                            md.append(String.format(Locale.ROOT, "| `%s` | %.3f |%n", command, perLine)));
            md.append('\n');
        }
    }

    /**
     * Each process's CPU for the baseline's insert and for the larger file's import (until projected),
     * per line: what the import costs the store beyond the insert it is compared with.
     */
    private static void cpuTable(StringBuilder md, Result r) {
        if (r.importCpuSeconds().isEmpty() || r.runs().size() < 2) {
            return;
        }
        long lines = r.runs().get(1).lines();
        md.append("CPU of each process, in total and in microseconds a line, for the baseline's insert and"
                + " for the larger file's import until projected:\n\n");
        md.append("| process | baseline CPU s | µs a line | import CPU s | µs a line |\n");
        md.append("| --- | --- | --- | --- | --- |\n");
        r.importCpuSeconds().forEach((process, seconds) -> {
            double rawSeconds = r.rawCpuSeconds().getOrDefault(process, 0.0);
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.0f | %.1f | %.0f |%n",
                    process,
                    rawSeconds,
                    rawSeconds * 1e6 / r.rawBulkInsert().events(),
                    seconds,
                    seconds * 1e6 / lines));
        });
        md.append('\n');
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
