package org.footdrop.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.footdrop.contract.EventJson;
import org.footdrop.stack.CommandLines;
import org.footdrop.stack.RepositoryRoot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark run of issue 8: starts the embedded stack, measures P5 (ready, resident memory),
 * P1 (ingest vs a raw insert and a no-op), P3 (freshness at 60% of P1), P4 (queries at two
 * population sizes, and the web pages beside the API calls they make), P2 (draining a backlog vs a plain
 * consumer and a plain bulk upsert), profiles
 * the projection with JFR, P6 (bulk import) and P7 (the FHIR facade beside the own API), and writes the report. Every figure is beside a baseline of the same run.
 *
 * <p>Options: {@link Options.Arguments} ({@code ./run-benchmarks.sh --help}). {@code MONGODB_URI} in the
 * environment runs against that MongoDB.
 */
public final class Benchmarks {

    record Options(
            long events,
            int smallPatients,
            int seconds,
            int warmUpSeconds,
            int concurrency,
            long bulkEvents,
            int queryCalls,
            int importPatients,
            boolean importOnly,
            int fhirEntries,
            boolean fhirOnly,
            Path out,
            Path dataDir,
            String command,
            boolean smoke) {

        @Command(
                name = "run-benchmarks.sh",
                sortOptions = false,
                description = "Starts the embedded stack on free ports, measures it against baselines of the same run"
                        + " and writes the report. MONGODB_URI in the environment runs against that MongoDB.")
        static final class Arguments {

            @Option(
                    names = "--events",
                    paramLabel = "N",
                    converter = Count.class,
                    description = "events in the P2 backlog (default: ${DEFAULT-VALUE})")
            long events = 1_000_000;

            @Option(
                    names = "--small-patients",
                    paramLabel = "N",
                    converter = Count.class,
                    description = "P4's first population (default: ${DEFAULT-VALUE})")
            long smallPatients = 10_000;

            @Option(
                    names = "--seconds",
                    paramLabel = "S",
                    description = "each P1 and P3 stage (default: ${DEFAULT-VALUE})")
            int seconds = 30;

            @Option(
                    names = "--concurrency",
                    paramLabel = "C",
                    description = "clients of the ingest stages (default: ${DEFAULT-VALUE})")
            int concurrency = 8;

            @Option(
                    names = "--bulk-events",
                    paramLabel = "N",
                    converter = Count.class,
                    description = "the bulk-upsert baseline's sample (default: ${DEFAULT-VALUE})")
            long bulkEvents = 100_000;

            @Option(
                    names = "--import-patients",
                    paramLabel = "N",
                    converter = Count.class,
                    description = "P6's file: ten lines a patient (default: ${DEFAULT-VALUE}, a million lines)")
            long importPatients = 100_000;

            @Option(
                    names = "--import-only",
                    description = "P5 at ready and P6 only, e.g. to measure an import change quickly")
            boolean importOnly;

            @Option(
                    names = "--fhir-entries",
                    paramLabel = "N",
                    converter = Count.class,
                    description = "P7's cohort: entries of FHIR batches, three a patient (default: ${DEFAULT-VALUE})")
            long fhirEntries = 1_000;

            @Option(
                    names = "--fhir-only",
                    description = "P5 at ready and P7 only (the FHIR facade beside the own API), on a stack with the"
                            + " facade")
            boolean fhirOnly;

            @Option(names = "--out", paramLabel = "FILE", description = "the report (default: ${DEFAULT-VALUE})")
            Path out = Path.of("docs/benchmarks.md");

            @Option(
                    names = "--data-dir",
                    paramLabel = "DIR",
                    description = "the stack's data (default: a new temporary directory)")
            Path dataDir;

            @Option(
                    names = "--smoke",
                    description = "seconds instead of minutes, for the test suite; no figure means anything")
            boolean smoke;

            @Mixin
            CommandLines.Help help;
        }

        /** A count, with underscores allowed for readability: 1_000_000. */
        static final class Count implements ITypeConverter<Long> {
            @Override
            public Long convert(String value) {
                return Long.parseLong(value.replace("_", ""));
            }
        }

        static CommandLine commandLine() {
            return new CommandLine(new Arguments());
        }

        static Options parse(String[] args) {
            CommandLine commandLine = commandLine();
            commandLine.parseArgs(args);
            return from(commandLine, args);
        }

        /** The options of a command line already parsed; {@code args} only for the report. */
        static Options from(CommandLine parsed, String[] args) {
            Arguments arguments = parsed.getCommand();
            long events = arguments.events;
            int smallPatients = Math.toIntExact(arguments.smallPatients);
            int seconds = arguments.seconds;
            int warmUp = 5;
            long bulk = arguments.bulkEvents;
            int queries = 300;
            int importPatients = Math.toIntExact(arguments.importPatients);
            int fhirEntries = Math.toIntExact(arguments.fhirEntries);
            if (arguments.smoke) {
                fhirEntries = Math.min(fhirEntries, 30);
                importPatients = Math.min(importPatients, 100);
                events = Math.min(events, 2_000);
                smallPatients = Math.min(smallPatients, 50);
                seconds = Math.min(seconds, 2);
                warmUp = 1;
                bulk = Math.min(bulk, 1_000);
                queries = 10;
            }
            String command = System.getProperty(
                    "benchmark.command", "java ... org.footdrop.benchmarks.Benchmarks " + String.join(" ", args));
            return new Options(
                    events,
                    smallPatients,
                    seconds,
                    warmUp,
                    arguments.concurrency,
                    bulk,
                    queries,
                    importPatients,
                    arguments.importOnly,
                    fhirEntries,
                    arguments.fhirOnly,
                    arguments.out,
                    arguments.dataDir != null ? arguments.dataDir : temporaryDataDir(),
                    command,
                    arguments.smoke);
        }

        private static Path temporaryDataDir() {
            try {
                return Files.createTempDirectory(TEMPORARY_DATA_DIR);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final String TEMPORARY_DATA_DIR = "footdrop-bench";

    private final Options options;
    private final Report report;
    private BenchmarkStack stack;
    private String externalMongo;

    private Benchmarks(Options options) {
        this.options = options;
        this.report = new Report(options);
    }

    public static void main(String[] args) throws Exception {
        Options options = CommandLines.parseOrExit(Options.commandLine(), args, parsed -> Options.from(parsed, args));
        new Benchmarks(options).run();
        System.out.println("wrote " + options.out().toAbsolutePath());
        removeStores(options.dataDir());
        System.exit(0); // the broker's and the store's non-daemon threads are stopped; the rest need not linger
    }

    /**
     * A run in a temporary data directory leaves its logs and profiles there, not its stores: the
     * broker's log and the store's file of a full run take gigabytes, and nobody reads them after it.
     */
    private static void removeStores(Path dataDir) throws IOException {
        Path name = dataDir.getFileName();
        Path parent = dataDir.toAbsolutePath().getParent();
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        if (name == null
                || parent == null
                || !name.toString().startsWith(TEMPORARY_DATA_DIR)
                || !parent.equals(temporary)) {
            return; // named with --data-dir: the caller's to keep or remove
        }
        for (String store : List.of("mongo", "kafka", "p6")) {
            Path directory = dataDir.resolve(store);
            if (Files.isDirectory(directory)) {
                try (var paths = Files.walk(directory)) {
                    for (Path path :
                            paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
    }

    /** Runs every stage and writes the report; the smoke test calls this. */
    static Path run(String... args) throws Exception {
        Options options = Options.parse(args);
        new Benchmarks(options).run();
        return options.out();
    }

    private void run() throws Exception {
        externalMongo = System.getenv("MONGODB_URI");
        if (externalMongo != null && externalMongo.isBlank()) {
            externalMongo = null;
        }
        report.store = externalMongo == null
                ? "embedded mongo-java-server (H2 MVStore on disk), with the broker in the launcher's JVM"
                : "MongoDB at " + externalMongo.replaceAll("//[^@/]*@", "//***@");
        long started = System.nanoTime();
        stack = BenchmarkStack.start(
                options.dataDir(),
                externalMongo,
                Map.of("FOOTDROP_BENCHMARK_BASELINE_ENABLED", "true"),
                options.fhirOnly());
        var peak = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rss-sampler");
            t.setDaemon(true);
            return t;
        });
        try {
            footprint("at ready", (System.nanoTime() - started) / 1e9);
            // the whole stack's largest resident total while it works, not only at two moments
            peak.scheduleAtFixedRate(this::samplePeak, 2, 2, java.util.concurrent.TimeUnit.SECONDS);
            if (options.fhirOnly()) {
                report.notes.add("P7 only (--fhir-only): P1 to P4 and P6 not run; P5 with the FHIR facade");
            } else if (options.importOnly()) {
                report.notes.add("P6 only (--import-only): P1 to P4 not run");
            } else {
                ingest();
                freshness();
                projectionAndQueries();
            }
            peak.shutdownNow();
            footprint("at the end of the run", 0);
            if (peakSample != null) {
                report.footprints.put("at the run's peak (sampled every 2 s)", peakSample);
            }
            if (!options.fhirOnly()) {
                importing();
            }
            if (!options.importOnly()) {
                fhir();
            }
        } catch (Exception | AssertionError e) {
            // what was measured before the failure is still worth its report; the run still fails
            report.notes.add("RUN STOPPED EARLY: " + e);
            throw e;
        } finally {
            peak.shutdownNow();
            stack.close();
            report.write();
        }
    }

    // ---------------------------------------------------------------- P5

    private volatile Map<String, Long> peakSample;

    private void samplePeak() {
        try {
            Map<String, Long> rss = residentNow();
            long total = rss.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Long> kept = peakSample;
            if (kept == null
                    || total > kept.values().stream().mapToLong(Long::longValue).sum()) {
                peakSample = rss;
            }
        } catch (IOException | RuntimeException e) {
            // a process between restarts: the next sample counts
        }
    }

    private Map<String, Long> residentNow() throws IOException {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (Map.Entry<String, Long> child : stack.pids().entrySet()) {
            rss.put(
                    child.getKey(),
                    BenchmarkStack.residentBytes(child.getValue()).orElse(0L));
        }
        return rss;
    }

    private void footprint(String when, double readySeconds) throws IOException {
        report.footprints.put(when, residentNow());
        if (readySeconds > 0) {
            report.readySeconds = readySeconds;
            report.readyAfter = new LinkedHashMap<>(stack.readyAfter);
        }
    }

    // ---------------------------------------------------------------- P1

    private void ingest() throws Exception {
        ClinicalMix mix = new ClinicalMix(RepositoryRoot.of(Benchmarks.class), "bench-" + shortId() + "-", 2_000);
        String writer = stack.token("clinical-writer");
        Duration warmUp = Duration.ofSeconds(options.warmUpSeconds());
        Duration measured = Duration.ofSeconds(options.seconds());
        Load.Result mixed = measuredCommands(
                warmUp,
                measured,
                () -> Load.closedLoop("clinical mix", options.concurrency(), warmUp, measured, () -> {
                    ClinicalMix.Write write = mix.next();
                    return new Load.Request(
                            URI.create(stack.url(write.service()) + write.path()),
                            write.body(),
                            writer,
                            write.invalid());
                }));
        int padBytes = padToStoredRecord(ClinicalMix.forPatient(mix.diagnosis, "bench-raw"));
        report.padBytes = padBytes;
        String rawBody = ClinicalMix.forPatient(mix.diagnosis, "bench-raw");
        URI raw = URI.create(stack.url("intake") + "/api/v1/benchmark/raw-inserts?padBytes=" + padBytes);
        Load.Result rawInserts = measuredCommands(
                warmUp,
                measured,
                () -> Load.closedLoop(
                        "raw insert",
                        options.concurrency(),
                        warmUp,
                        measured,
                        () -> new Load.Request(raw, rawBody, writer, false)));
        URI noOp = URI.create(stack.url("intake") + "/api/v1/benchmark/no-ops");
        Load.Result noOps = Load.closedLoop(
                "no-op", options.concurrency(), warmUp, measured, () -> new Load.Request(noOp, rawBody, writer, false));
        int commands = (int) Math.max(
                1,
                Math.round(report.storeCommands.get(mixed.name()).entrySet().stream()
                        .filter(e -> !e.getKey().startsWith("outcomes ")
                                && !e.getKey().endsWith(" audit_log"))
                        .mapToDouble(Map.Entry::getValue)
                        .sum()));
        URI rawK = URI.create(raw + "&inserts=" + Math.min(16, commands));
        Load.Result rawKInserts = measuredCommands(
                warmUp,
                measured,
                () -> Load.closedLoop(
                        "raw inserts, " + Math.min(16, commands) + " commands per request",
                        options.concurrency(),
                        warmUp,
                        measured,
                        () -> new Load.Request(rawK, rawBody, writer, false)));
        report.ingest = List.of(mixed, rawInserts, noOps, rawKInserts);
    }

    /**
     * Runs a closed-loop stage and records the store commands the services issued per request
     * answered in its measured window (snapshots taken when the window opens and closes).
     */
    private Load.Result measuredCommands(
            Duration warmUp, Duration measured, java.util.concurrent.Callable<Load.Result> stage) throws Exception {
        var snapshots = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            var first = snapshots.schedule(
                    () -> StoreCommands.snapshot(stack), warmUp.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            var last = snapshots.schedule(
                    () -> StoreCommands.snapshot(stack),
                    warmUp.plus(measured).toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
            Load.Result result = stage.call();
            report.storeCommands.put(
                    result.name(),
                    StoreCommands.perRequest(
                            first.get(), last.get(), result.accepted() + result.rejected() + result.errors()));
            return result;
        } finally {
            snapshots.shutdownNow();
        }
    }

    /**
     * The padding that makes the raw insert's document as large (BSON bytes) as the clinical records
     * the mix stored: their average over the four collections, minus the body's own size.
     */
    private int padToStoredRecord(String body) {
        try (MongoClient client = MongoClients.create(stack.mongoUri)) {
            long bytes = 0;
            long documents = 0;
            for (String[] where : List.of(
                    new String[] {"footdrop_intake", "diagnoses"},
                    new String[] {"footdrop_intake", "assessments"},
                    new String[] {"footdrop_treatment", "injections"},
                    new String[] {"footdrop_treatment", "therapies"})) {
                for (RawBsonDocument document : client.getDatabase(where[0])
                        .getCollection(where[1], RawBsonDocument.class)
                        .find()
                        .limit(50)) {
                    bytes += document.getByteBuffer().remaining();
                    documents++;
                }
            }
            int bodyBytes = new RawBsonDocument(
                            new Document("_id", UUID.randomUUID().toString())
                                    .append("body", Document.parse(body))
                                    .append("pad", ""),
                            new org.bson.codecs.DocumentCodec())
                    .getByteBuffer()
                    .remaining();
            report.storedRecordBytes = documents == 0 ? 0 : bytes / documents;
            return documents == 0 ? 0 : (int) Math.max(0, bytes / documents - bodyBytes);
        }
    }

    // ---------------------------------------------------------------- P6

    /**
     * P6 on a fresh stack: a file ten times smaller, the store's raw bulk insert, then the file. The
     * stack runs the FHIR facade too, for P7 after it, unless this run is --import-only.
     */
    private void importing() throws Exception {
        stack.close();
        Path fresh = options.dataDir().resolve("p6");
        stack = BenchmarkStack.start(
                fresh,
                externalMongo,
                Map.of("FOOTDROP_IMPORT_DIRECTORY", fresh.resolve("imports").toString()),
                !options.importOnly());
        new ImportStage(stack, fresh)
                .measure(
                        options.importPatients(),
                        this::awaitDrained,
                        options.smoke(),
                        measured -> report.imports = measured);
    }

    // ---------------------------------------------------------------- P7

    /**
     * P7 on the stack already running the FHIR facade: P6's (started with it, which costs P6 nothing but
     * memory the facade's own) or, with --fhir-only, the first.
     */
    private void fhir() throws Exception {
        report.fhir = new FhirStage(stack, "bench-fhir-" + shortId() + "-")
                // a whole batch on each path first: after ten patients, the measured batch still took half as long
                // again as after a batch (the JVMs' compilers and each path's first uses)
                .measure(options.fhirEntries(), options.smoke() ? 1 : FhirStage.PATIENTS_PER_BATCH);
    }

    // ---------------------------------------------------------------- P3

    private void freshness() throws Exception {
        Load.Result mixed = report.ingest.get(0);
        double rate = Math.max(1, 0.6 * mixed.acceptedPerSecond());
        ClinicalMix mix = new ClinicalMix(RepositoryRoot.of(Benchmarks.class), "fresh-" + shortId() + "-", 2_000);
        String writer = stack.token("clinical-writer");
        String clinician = stack.token("clinician");
        Recorder visible = new Recorder(3);
        AtomicLong unseen = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        // One probe at a time, at most 5 a second, on its own thread: probes never pile up and their
        // polling never adds up to a load of its own when the projection lags.
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.seconds());
        Thread prober = new Thread(
                () -> {
                    while (System.nanoTime() < end) {
                        long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
                        try {
                            probe(mix, writer, clinician, visible, unseen, errors);
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            }
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                },
                "freshness-probe");
        prober.start();
        Load.Result offered = Load.openLoop("freshness", rate, 64, Duration.ofSeconds(options.seconds()), () -> () -> {
            try {
                ClinicalMix.Write write = mix.next();
                int status = Load.send(new Load.Request(
                                URI.create(stack.url(write.service()) + write.path()),
                                write.body(),
                                writer,
                                write.invalid()))
                        .statusCode();
                if ((status >= 300) != write.invalid()) {
                    errors.incrementAndGet();
                }
            } catch (Exception e) {
                errors.incrementAndGet();
            }
        });
        prober.join();
        report.freshnessRate = rate;
        report.freshnessOffered = offered.accepted() / offered.seconds();
        report.freshness = visible.getIntervalHistogram();
        report.freshnessUnseen = unseen.get();
        report.freshnessErrors = errors.get();
    }

    /**
     * One diagnosis for a new patient, then the outcomes API polled until it shows: every 5 ms for the
     * first 250 ms, every 25 ms after that.
     */
    private void probe(
            ClinicalMix mix, String writer, String clinician, Recorder visible, AtomicLong unseen, AtomicLong errors)
            throws Exception {
        String patient = "probe-" + UUID.randomUUID();
        HttpResponse<String> posted = Load.send(new Load.Request(
                URI.create(stack.url("intake") + "/api/v1/diagnoses"),
                ClinicalMix.forPatient(mix.diagnosis, patient),
                writer,
                false));
        long accepted = System.nanoTime();
        if (posted.statusCode() != 201) {
            errors.incrementAndGet();
            return;
        }
        URI outcomes = URI.create(stack.url("outcomes") + "/api/v1/patients/" + patient + "/outcomes");
        long deadline = accepted + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            var response = stack.http()
                    .send(
                            java.net.http.HttpRequest.newBuilder(outcomes)
                                    .header("Authorization", "Bearer " + clinician)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                visible.recordValue(Math.max(1, (System.nanoTime() - accepted) / 1000));
                return;
            }
            Thread.sleep(System.nanoTime() - accepted < TimeUnit.MILLISECONDS.toNanos(250) ? 5 : 25);
        }
        unseen.incrementAndGet();
    }

    // ---------------------------------------------------------------- P2 and P4

    private void projectionAndQueries() throws Exception {
        String bootstrap = stack.ports.kafkaBootstrap();
        // P4 at the smaller population
        feed(bootstrap, options.smallPatients(), 0);
        awaitDrained(Duration.ofMinutes(30));
        report.queries.put(options.smallPatients(), queries(options.smallPatients()));
        report.webPages.addAll(webPages(options.smallPatients()));

        // P2: a backlog of options.events() on new patients, drained by the live consumers
        int backlogPatients = (int) Math.max(1, options.events() / 10);
        long projectedBefore = projected();
        long startedNanos = System.nanoTime();
        Map<String, Duration> cpuBefore = stack.cpuTimes();
        Thread feeder = new Thread(() -> feed(bootstrap, backlogPatients, options.smallPatients()), "feeder");
        feeder.start();
        Profiles profiles = startProfiles();
        feeder.join();
        report.feedSeconds = (System.nanoTime() - startedNanos) / 1e9;
        awaitDrained(Duration.ofHours(3));
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        Map<String, Double> cpuUsed = stack.cpuSecondsSince(cpuBefore);
        profiles.stop();
        report.projectionEvents = projected() - projectedBefore;
        report.projectionSeconds = seconds;
        report.backlogEvents = (long) backlogPatients * 10;
        report.projectionCpu.putAll(cpuUsed);

        int allPatients = options.smallPatients() + backlogPatients;
        report.queries.put(allPatients, queries(allPatients));
        report.webPages.addAll(webPages(allPatients));

        report.consumerBaseline = plainConsumer(bootstrap);
        report.bulkBaseline = bulkUpserts();
        report.replay = replay();
    }

    /**
     * The replay: an admin's projection rebuild reads both topics from the beginning into a new
     * collection. Timed from its start to its switch-over, less the follow delay it waits first.
     */
    private Report.Baseline replay() throws Exception {
        HttpResponse<String> started = stack.post("outcomes", "/api/v1/admin/projection-rebuilds", null, "admin");
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild answered " + started.statusCode() + ": " + started.body());
        }
        long deadline = System.nanoTime() + TimeUnit.HOURS.toNanos(3);
        while (System.nanoTime() < deadline) {
            Thread.sleep(options.smoke() ? 200 : 1000);
            JsonNode status = EventJson.mapper()
                    .readTree(stack.get("outcomes", "/api/v1/admin/projection-rebuilds/current", "admin")
                            .body());
            String state = status.get("state").asString();
            System.out.printf(
                    "replay %s: %,d of %,d%n",
                    state, status.get("replayed").asLong(), status.get("total").asLong());
            if (state.equals("FAILED")) {
                throw new IllegalStateException("rebuild failed: " + status);
            }
            if (state.equals("SWITCHED")) {
                Duration took = Duration.between(
                        Instant.parse(status.get("startedAt").asString()),
                        Instant.parse(status.get("finishedAt").asString()));
                return new Report.Baseline(status.get("replayed").asLong(), took.toMillis() / 1000.0);
            }
        }
        throw new IllegalStateException("rebuild not finished in 3 hours");
    }

    private static void feed(String bootstrap, int patients, int first) {
        EventFeeder.main(new String[] {bootstrap, Integer.toString(patients), Integer.toString(first)});
    }

    /** Waits until the outcomes-service has projected every event on the topics. */
    private void awaitDrained(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long target = endOffsets();
        long last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long projected = projected();
            if (projected >= target) {
                return;
            }
            if (projected != last) {
                last = projected;
                lastChange = System.nanoTime();
                System.out.printf("projected %,d of %,d%n", projected, target);
            } else if (System.nanoTime() - lastChange > TimeUnit.MINUTES.toNanos(2)) {
                throw new IllegalStateException("projection stalled at " + projected + " of " + target);
            }
            Thread.sleep(options.smoke() ? 200 : 1000);
        }
        throw new IllegalStateException("projection not drained in " + timeout);
    }

    /** Events the outcomes-service has projected (applied, duplicate or failed), from its metrics. */
    private long projected() throws Exception {
        HttpResponse<String> metrics = stack.get("outcomes", "/actuator/prometheus", "ops");
        double sum = 0;
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("footdrop_events_projected_total{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) sum;
    }

    private long endOffsets() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(stack.ports.kafkaBootstrap())) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            return partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
        }
    }

    /** JFR, by jcmd, on the broker-and-store JVM and on outcomes-service while the backlog drains. */
    private final class Profiles {
        private final Map<String, Long> pids = new LinkedHashMap<>();

        Profiles() throws Exception {
            stack.pid(BenchmarkStack.INFRASTRUCTURE).ifPresent(pid -> pids.put(BenchmarkStack.INFRASTRUCTURE, pid));
            stack.pid("outcomes-service").ifPresent(pid -> pids.put("outcomes-service", pid));
            for (long pid : pids.values()) {
                jcmd(pid, "JFR.start", "name=bench", "settings=profile");
            }
        }

        void stop() {
            pids.forEach((name, pid) -> {
                Path file = options.dataDir().resolve(name.replaceAll("[^A-Za-z0-9-]+", "-") + ".jfr");
                try {
                    jcmd(pid, "JFR.stop", "name=bench", "filename=" + file);
                    report.profiles.add(ProfileSummary.of(name, file));
                } catch (Exception e) {
                    report.notes.add("profile of " + name + " not summarized: " + e);
                }
            });
        }
    }

    private Profiles startProfiles() {
        try {
            return new Profiles();
        } catch (Exception e) {
            report.notes.add("profile not started: " + e);
            return null;
        }
    }

    private static void jcmd(long pid, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(pid));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", args) + ": " + output);
        }
    }

    private Report.Queries queries(int patients) throws Exception {
        String clinician = stack.token("clinician");
        String analyst = stack.token("analyst");
        int calls = options.queryCalls();
        Histogram patient = time(
                calls,
                () -> "/api/v1/patients/feed-" + ThreadLocalRandom.current().nextInt(patients) + "/outcomes",
                clinician);
        Histogram cohort = time(
                calls / 3,
                () -> "/api/v1/cohorts/outcomes?measure=gaitSpeedComfortable&window=WEEK_6" + "&groupBy=solutionGroup",
                analyst);
        Histogram timeToResponse =
                time(calls / 3, () -> "/api/v1/cohorts/time-to-response?measure=gaitSpeedComfortable", analyst);
        // The report is slower by design (every cell of every group): fewer calls keep the stage short.
        Histogram report = time(Math.max(3, calls / 10), () -> "/api/v1/cohorts/report?groupBy=solutionGroup", analyst);
        return new Report.Queries(patients, patient, cohort, timeToResponse, report);
    }

    /** Each web page beside the API calls it makes (WebPagesStage), as P4's queries: fed patients. */
    private List<WebPagesStage.Result> webPages(int patients) throws Exception {
        if (webPagesStage == null) {
            webPagesStage = new WebPagesStage(stack, WebPagesStage.PAGES);
        }
        return webPagesStage.measure(patients, Math.max(3, options.queryCalls() / 3), i -> "feed-" + i);
    }

    private WebPagesStage webPagesStage;

    /** Sequential GETs after as many unmeasured warm-up calls; any non-200 fails the run. */
    private Histogram time(int calls, java.util.function.Supplier<String> paths, String token) throws Exception {
        Histogram histogram = new Histogram(3);
        for (int i = 0; i < 2 * calls; i++) {
            String path = paths.get();
            long sent = System.nanoTime();
            var response = stack.http()
                    .send(
                            java.net.http.HttpRequest.newBuilder(URI.create(stack.url("outcomes") + path))
                                    .header("Authorization", "Bearer " + token)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            long micros = (System.nanoTime() - sent) / 1000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= calls) {
                histogram.recordValue(Math.max(1, micros));
            }
        }
        return histogram;
    }

    /** A plain consumer reading both topics from the beginning to their current end. */
    private Report.Baseline plainConsumer(String bootstrap) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            consumer.seekToBeginning(partitions);
            long records = 0;
            long started = System.nanoTime();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(500));
                records += polled.count();
            }
            return new Report.Baseline(records, (System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * Unordered bulk upserts, 500 per write (a poll's worth), each shaped like the projection's write
     * of one event: filter on {@code _id} alone, {@code $set} of one record revision (copied from a
     * projected document) and of the event id, into a scratch collection of the same store.
     */
    private Report.Baseline bulkUpserts() {
        try (MongoClient client = MongoClients.create(stack.mongoUri)) {
            Document sample = client.getDatabase("footdrop_outcomes")
                    .getCollection("patient_outcomes")
                    .find(new Document("_id", "feed-0"))
                    .first();
            if (sample == null) {
                throw new IllegalStateException("no projected document feed-0 to copy the shape of");
            }
            List<Map.Entry<String, Object>> facts = new ArrayList<>();
            for (Map.Entry<String, Object> kind : sample.entrySet()) {
                if (kind.getValue() instanceof Document records
                        && !kind.getKey().equals("appliedEvents")) {
                    for (Object record : records.values()) {
                        if (record instanceof Document r && r.get("revisions") instanceof Document revisions) {
                            revisions.values().forEach(v -> facts.add(Map.entry(kind.getKey(), v)));
                        }
                    }
                }
            }
            MongoCollection<Document> scratch =
                    client.getDatabase("footdrop_benchmark").getCollection("bulk_upserts_" + shortId());
            UpdateOptions upsert = new UpdateOptions().upsert(true);
            BulkWriteOptions unordered = new BulkWriteOptions().ordered(false);
            List<WriteModel<Document>> batch = new ArrayList<>();
            long written = 0;
            long started = System.nanoTime();
            for (long i = 0; i < options.bulkEvents(); i++) {
                Map.Entry<String, Object> fact = facts.get((int) (i % facts.size()));
                String eventId = UUID.randomUUID().toString();
                batch.add(new UpdateOneModel<>(
                        new Document("_id", "bulk-" + (i / facts.size())),
                        new Document(
                                "$set",
                                new Document(fact.getKey() + "." + UUID.randomUUID() + ".revisions.r1", fact.getValue())
                                        .append("appliedEvents." + eventId, fact.getKey())),
                        upsert));
                if (batch.size() == 500) {
                    scratch.bulkWrite(batch, unordered);
                    written += batch.size();
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                scratch.bulkWrite(batch, unordered);
                written += batch.size();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            scratch.drop();
            return new Report.Baseline(written, seconds);
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of("intake.events.v1", "treatment.events.v1")) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }

    private static String shortId() {
        return Long.toString(Instant.now().toEpochMilli(), 36);
    }

    static long totalMemoryBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
    }
}
