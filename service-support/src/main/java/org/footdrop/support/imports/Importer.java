package org.footdrop.support.imports;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.Document;
import org.footdrop.contract.RecordType;
import org.footdrop.support.record.ClinicalRecords;
import org.footdrop.support.record.ExternalIdentifier;
import org.footdrop.support.record.RecordRefusedException;
import org.footdrop.support.record.RecordStatus;
import org.footdrop.support.record.StoredRecord;
import org.footdrop.support.request.RequestContext;
import org.footdrop.support.web.RequestSizeLimitFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk imports of one service: receives a file (streamed into sorted runs on disk), then applies its
 * lines of the kinds this service owns, patient by patient and, for each patient, kind by kind in
 * clinical-time order, whatever the order of the file. New records are written in batches through
 * the records engine under the identifier (system, line key), each batch kind by kind; amends and
 * voids one by one. Each batch ends with a checkpoint, so a job interrupted by a restart resumes
 * after its last batch.
 * One job runs at a time; the others wait their turn.
 */
public final class Importer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Importer.class);

    /** Corrections between two checkpoints: each is a few store commands already, its checkpoint one more. */
    public static final int CORRECTIONS_PER_CHECKPOINT = 100;

    /** The sort keys of corrections begin with this, after every new record's. */
    private static final String CORRECTION = "1";

    /** Compiled once: a sort key is built for every line. */
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final Map<String, ImportableKind<?, ?>> kinds = new LinkedHashMap<>();
    private final ClinicalRecords records;
    private final ImportJobs jobs;
    private final JsonMapper json;
    private final Validator validator;
    private final ImportProperties properties;
    private final ImportMetrics metrics;
    private ExecutorService worker;
    private ScheduledExecutorService leases;
    private volatile boolean running;

    public Importer(
            List<ImportableKind<?, ?>> kinds,
            ClinicalRecords records,
            ImportJobs jobs,
            JsonMapper json,
            Validator validator,
            ImportProperties properties,
            MeterRegistry meters) {
        for (ImportableKind<?, ?> kind : kinds) {
            if (Stream.of(RecordType.values()).noneMatch(t -> lineName(t).equals(kind.name()))) {
                throw new IllegalStateException("import kind " + kind.name() + " names no record type");
            }
            this.kinds.put(kind.name(), kind);
        }
        this.records = records;
        this.jobs = jobs;
        this.json = json;
        this.validator = validator;
        this.properties = properties;
        this.metrics = new ImportMetrics(meters);
    }

    /** A record type as a line names it: {@code THERAPY_SESSION} is {@code therapySession}. */
    public static String lineName(RecordType type) {
        String[] words = type.name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    /**
     * Reads the whole file into the job's sorted runs on the caller's thread, then queues the job.
     * Lines that cannot be read at all are refused here; the rest wait for the job to apply them.
     */
    public String receive(InputStream file, String system, RequestContext caller)
            throws RequestSizeLimitFilter.BodyTooLargeException {
        String jobId = UUID.randomUUID().toString();
        jobs.create(jobId, system, caller.client(), caller.subject());
        Path directory = directory(jobId);
        ExternalSort sort = new ExternalSort(directory, properties.sortBudgetChars());
        long read = 0;
        long own = 0;
        long other = 0;
        long refused = 0;
        try (InputStreamReader reader = new InputStreamReader(file, StandardCharsets.UTF_8)) {
            BoundedLines lines = new BoundedLines(reader);
            String text;
            while ((text = lines.next()) != null) {
                read++;
                if (lines.tooLong()) {
                    jobs.refuse(
                            jobId,
                            read,
                            null,
                            null,
                            LineProblems.of(
                                    ImportLine.invalid(
                                            "line",
                                            "is longer than " + BoundedLines.MAX_CHARS
                                                    + " characters (a record's body is at most 64 KiB); nothing of it was read")));
                    refused++;
                    own++;
                    continue;
                }
                if (text.isBlank()) {
                    other++; // an empty line is nobody's record
                    continue;
                }
                try {
                    ImportLine line = ImportLine.of(read, json.readTree(text), system);
                    ImportableKind<?, ?> kind = kinds.get(line.kind());
                    if (kind == null) {
                        if (Stream.of(RecordType.values())
                                .noneMatch(t -> lineName(t).equals(line.kind()))) {
                            throw ImportLine.invalid("kind", "must be one of " + allKindNames());
                        }
                        other++;
                        continue;
                    }
                    sort.add(sortKey(kind, line), read, text);
                    own++;
                } catch (RuntimeException e) {
                    jobs.refuse(jobId, read, null, null, LineProblems.of(e));
                    refused++;
                    own++;
                }
                if (read % 10_000 == 0) {
                    jobs.received(jobId, read, own, other, refused, false);
                }
            }
            sort.finish();
        } catch (RequestSizeLimitFilter.BodyTooLargeException tooLarge) {
            // sent without a length, so found out only now: the caller is answered 413, as with one
            jobs.received(jobId, read, own, other, refused, false);
            if (jobs.finished(
                    jobId,
                    ImportJob.Status.FAILED,
                    "The file is larger than the import's limit (" + tooLarge.getMessage() + "); split it, or"
                            + " raise footdrop.import.max-file-size")) {
                deleteRuns(jobId);
            }
            throw tooLarge;
        } catch (IOException | UncheckedIOException e) {
            jobs.received(jobId, read, own, other, refused, false);
            if (jobs.finished(
                    jobId,
                    ImportJob.Status.FAILED,
                    "The upload was cut off after line " + read
                            + "; upload the file again (lines already imported are skipped)")) {
                deleteRuns(jobId);
            }
            return jobId;
        } catch (RuntimeException e) {
            // the store, most likely: the job is failed if it can be written, else at the next start
            markFailedQuietly(
                    jobId,
                    "The upload stopped on an error (" + e.getClass().getSimpleName() + ") after line " + read
                            + "; upload the file again (lines already imported are skipped)");
            throw e;
        }
        metrics.linesRead(read);
        if (jobs.received(jobId, read, own, other, refused, true)) {
            submit(jobId);
        } else {
            log.warn("Import job {} was taken up by another instance while its file was read here", jobId);
        }
        return jobId;
    }

    private String allKindNames() {
        return Stream.of(RecordType.values()).map(Importer::lineName).toList().toString();
    }

    /**
     * New records first, patient by patient, each patient's kind by kind (a rule may read the
     * patient's records of a lower rank) in clinical time; then amends and voids, patient by patient,
     * each patient's in the order of the file. A patient's records of every kind then follow one another, so the projection applies
     * them together, not once a kind.
     */
    private static String sortKey(ImportableKind<?, ?> kind, ImportLine line) {
        if (line.action() != ImportLine.Action.CREATE) {
            // a patient's corrections together, in the file's order (a rule reads only its patient's records)
            return CORRECTION + safe(line.patientId());
        }
        String time = kind.clinicalTime(line.body());
        return "0" + safe(line.patientId()) + '\u0001' + (char) ('a' + kind.rank()) + '\u0001' + safe(time);
    }

    private static String safe(String text) {
        return text == null ? "" : CONTROL.matcher(text).replaceAll("?");
    }

    public boolean cancel(String jobId) {
        return jobs.cancel(jobId);
    }

    private void submit(String jobId) {
        worker.execute(() -> process(jobId));
    }

    private void process(String jobId) {
        Run run = null;
        try {
            // read inside the try: with the store away now, the job is failed below, not left queued
            Document job = jobs.document(jobId).orElse(null);
            if (job == null || ImportJob.Status.valueOf(job.getString("status")).finished()) {
                return;
            }
            if (!jobs.ownedHere(job)) {
                return; // taken up by another instance since it was queued here
            }
            if (Boolean.TRUE.equals(job.getBoolean("cancelRequested"))) {
                // cancelled while it waited its turn: nothing of it is imported
                if (jobs.finished(jobId, ImportJob.Status.CANCELLED, null)) {
                    deleteRuns(jobId);
                }
                return;
            }
            if (!Files.isDirectory(directory(jobId))) {
                // taken up from an instance that is gone, whose directory this one does not share
                markFailed(
                        jobId,
                        "The job's sorted lines are not in this instance's import directory (taken up from an"
                                + " instance that is gone, or the directory was emptied); upload the file again:"
                                + " lines already imported are skipped");
                return;
            }
            jobs.running(jobId);
            run = new Run(job);
            run.apply();
        } catch (ImportJobs.TakenOver e) {
            log.warn("Import job {} stopped here: another instance took it up ({})", jobId, e.getMessage());
        } catch (RuntimeException e) {
            if (!running) {
                return; // stopped with the service: the job resumes from its checkpoint on the next start
            }
            long at = run == null ? 0 : run.lastLine;
            String failure;
            if (storeUnreachable(e)) {
                log.error("Import job {} stopped: the store is unreachable ({})", jobId, e.toString());
                failure = "The store could not be reached (" + e.getClass().getSimpleName()
                        + ") while line " + at + " was imported; nothing after the last checkpoint was "
                        + "counted. Upload the file again when the store is back: lines already imported are "
                        + "skipped as already present";
            } else {
                log.error("Import job {} failed", jobId, e);
                failure = "The import stopped on an internal error ("
                        + e.getClass().getSimpleName() + ") at line " + at
                        + "; upload the file again: lines already imported are skipped";
            }
            markFailed(jobId, failure);
        }
    }

    /**
     * Records the failure once the store takes writes again (with the store gone, so is the job's
     * document): till then a reader sees the job running. A failed job is not resumed, so its runs go.
     */
    private void markFailed(String jobId, String failure) {
        while (running) {
            try {
                if (jobs.finished(jobId, ImportJob.Status.FAILED, failure)) {
                    deleteRuns(jobId);
                } else {
                    log.warn("Import job {} not failed here: another instance took it up", jobId);
                }
                return;
            } catch (RuntimeException stillDown) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return; // stopping: the job is resumed from its checkpoint on the next start
                }
            }
        }
    }

    private void markFailedQuietly(String jobId, String failure) {
        try {
            if (jobs.finished(jobId, ImportJob.Status.FAILED, failure)) {
                deleteRuns(jobId);
            }
        } catch (RuntimeException e) {
            log.warn("Import job {} not marked failed, the next start will: {}", jobId, e.toString());
        }
    }

    private static boolean storeUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof MongoTimeoutException
                    || cause instanceof MongoSocketException) {
                return true;
            }
        }
        return false;
    }

    /** One job's application of its sorted lines, from its last checkpoint. */
    private final class Run {

        private final String jobId;
        private final String system;
        private final RequestContext context;
        private final Map<String, ImportableKind.LineImporter<?, ?>> importers = new LinkedHashMap<>();
        private final List<Pending<?>> batch = new ArrayList<>();
        private ImportJobs.Progress progress;
        private long position;
        private int corrections;
        private long lastLine;
        /** The patient (sort key) whose corrections are being applied, and how often each text came. */
        private String correctionsOf;

        private final Map<String, Integer> seen = new HashMap<>();
        private String correctionKey;

        Run(Document job) {
            this.jobId = job.getString("_id");
            this.system = job.getString("system");
            this.context = RequestContext.forJob(job.getString("client"), job.getString("subject"), jobId);
            this.progress = new ImportJobs.Progress(
                    number(job, "position"),
                    number(job, "accepted"),
                    number(job, "alreadyPresent"),
                    number(job, "refused"));
            kinds.forEach((name, kind) -> importers.put(name, kind.start()));
        }

        void apply() {
            try (ExternalSort.Merge merge = ExternalSort.merge(directory(jobId))) {
                while (position < progress.position() && merge.hasNext()) {
                    ExternalSort.Entry skipped = merge.next();
                    if (skipped.key().startsWith(CORRECTION)) {
                        correctionKey(skipped); // counted, so the corrections after it get their keys
                    }
                    position++;
                }
                while (merge.hasNext()) {
                    ExternalSort.Entry entry = merge.next();
                    // counted once handled: a flush the line sets off before it is handled (it is a
                    // correction) checkpoints the lines before it, not this one
                    line(entry);
                    position++;
                    if (!running) {
                        return; // the service is stopping; the checkpoint stays where the last batch left it
                    }
                    if (batch.size() >= properties.batchSize() || corrections >= CORRECTIONS_PER_CHECKPOINT) {
                        flush();
                        if (jobs.cancelRequested(jobId)) {
                            if (jobs.finished(jobId, ImportJob.Status.CANCELLED, null)) {
                                deleteRuns(jobId); // not resumed: its runs would only take the disk
                            }
                            return;
                        }
                    }
                }
                flush();
            }
            if (jobs.finished(jobId, ImportJob.Status.COMPLETED, null)) {
                deleteRuns(jobId);
            } else {
                log.warn("Import job {} ran to its end here after another instance took it up", jobId);
            }
        }

        private void line(ExternalSort.Entry entry) {
            lastLine = entry.number();
            correctionKey = entry.key().startsWith(CORRECTION) ? correctionKey(entry) : null;
            ImportLine line;
            try {
                line = ImportLine.of(entry.number(), json.readTree(entry.line()), system);
            } catch (RuntimeException e) {
                refuse(entry.number(), null, null, e);
                return;
            }
            ImportableKind<?, ?> kind = kinds.get(line.kind());
            if (!batch.isEmpty() && line.action() != ImportLine.Action.CREATE) {
                flush(); // a correction reads its record
            }
            if (line.action() != ImportLine.Action.CREATE) {
                corrections++;
            }
            try {
                apply(kind, line);
            } catch (RuntimeException e) {
                refuse(line.number(), line.kind(), line.key(), e);
            }
        }

        private <R, S> void apply(ImportableKind<R, S> kind, ImportLine line) {
            var identifier = new ExternalIdentifier(system, line.key());
            if (line.action() == ImportLine.Action.VOID) {
                String patientId = line.requirePatientId();
                UUID id = records.idOf(kind.recordKind(), identifier);
                StoredRecord<S> current =
                        records.find(kind.recordKind(), identifier).orElseThrow(() -> unknown(kind, line));
                if (!current.patientId().equals(patientId)) {
                    throw new RecordRefusedException(
                            RecordRefusedException.Reason.INVALID_FIELD,
                            "patientId",
                            "is not the patient of " + kind.name() + " " + line.key());
                }
                RequestContext keyed = keyed();
                if (current.status() == RecordStatus.VOIDED) {
                    // voided already: by this line before an interruption (the job's own), or by an
                    // identical line or another writer (already present); a void is final either way
                    count(records.correctedBy(kind.recordKind(), id, keyed));
                    return;
                }
                StoredRecord<S> voided = records.voidRecord(kind.recordKind(), id, null, line.reason(), keyed);
                count(voided.revision() > current.revision() || records.correctedBy(kind.recordKind(), id, keyed));
                return;
            }
            R request = bind(kind, line);
            if (line.action() == ImportLine.Action.CREATE) {
                // prepared with its batch, whose rules read ahead for all its lines at once
                batch.add(new Pending<>(kind, line, request));
                return;
            }
            // a line importer of its own: what the batches' importers read ahead or remember of a patient
            // may be older than the corrections before this one (a diagnosis's onset amended, say)
            RequestContext keyed = keyed();
            S state;
            try {
                state = kind.start().prepare(line, request);
            } catch (RuntimeException refused) {
                // the rules may refuse now what they took when this correction was applied: met again, it counts
                if (appliedBefore(kind, line, request, identifier, keyed)) {
                    return;
                }
                throw refused;
            }
            StoredRecord<S> current =
                    records.find(kind.recordKind(), identifier).orElseThrow(() -> unknown(kind, line));
            // compared in memory first: the store is read again only for a correction that changes nothing
            if (records.holds(current, state) && !records.amended(kind.recordKind(), current.id(), state, keyed)) {
                // the record holds it already (an identical line earlier, or a release that keyed lines alike)
                count(false);
                return;
            }
            StoredRecord<S> amended = records.amend(kind.recordKind(), current.id(), current.revision(), state, keyed);
            // the same correction met again: accepted if this job wrote it before it was interrupted
            count(amended.revision() > current.revision()
                    || records.correctedBy(kind.recordKind(), current.id(), keyed));
        }

        /** Whether this correction was applied before (then counted), recognised without its rules. */
        private <R, S> boolean appliedBefore(
                ImportableKind<R, S> kind,
                ImportLine line,
                R request,
                ExternalIdentifier identifier,
                RequestContext keyed) {
            Optional<S> state;
            try {
                state = records.exists(kind.recordKind(), identifier) ? kind.asStored(line, request) : Optional.empty();
            } catch (RuntimeException unreadable) {
                return false; // the line lacks what even its stored state needs: refused for the rules' reason
            }
            UUID id = records.idOf(kind.recordKind(), identifier);
            if (state.isEmpty() || !records.amended(kind.recordKind(), id, state.get(), keyed)) {
                return false;
            }
            count(records.correctedBy(kind.recordKind(), id, keyed));
            return true;
        }

        @SuppressWarnings("unchecked")
        private <R, S> ImportableKind.LineImporter<R, S> importer(ImportableKind<R, S> kind) {
            return (ImportableKind.LineImporter<R, S>) importers.get(kind.name());
        }

        private <R> R bind(ImportableKind<R, ?> kind, ImportLine line) {
            R request = json.treeToValue(line.body(), kind.requestType());
            var violations = validator.validate(request);
            if (!violations.isEmpty()) {
                throw LineProblems.invalid(violations);
            }
            return request;
        }

        /**
         * A correction's key: its line's content, and how many identical lines of its patient come
         * before it in the file. The same file imported again, or resumed, meets the same keys; a value
         * corrected and then corrected back (the same line twice) is two corrections, not one met again.
         */
        private String correctionKey(ExternalSort.Entry entry) {
            if (!entry.key().equals(correctionsOf)) {
                correctionsOf = entry.key(); // the next patient's: the counts so far are done with
                seen.clear();
            }
            String content = sha256(entry.line());
            int before = seen.merge(content, 1, Integer::sum) - 1;
            return "import-" + content + (before == 0 ? "" : "#" + before);
        }

        /** The correction being applied, under its key: the same correction met again is recognised. */
        private RequestContext keyed() {
            return new RequestContext(
                    context.client(), context.subject(), correctionKey, context.correlationId(), jobId);
        }

        private RecordRefusedException unknown(ImportableKind<?, ?> kind, ImportLine line) {
            return new RecordRefusedException(
                    RecordRefusedException.Reason.NOT_FOUND,
                    "No " + kind.name() + " with key " + line.key() + " in " + system + "; import its creation first");
        }

        /**
         * Writes the batch kind by kind, lowest rank first: the rules of a kind read ahead only once
         * the batch's records of the kinds below are stored (an assessment's onset reads the
         * diagnoses of its patient, which may be in the same batch).
         */
        private void flush() {
            corrections = 0;
            Map<ImportableKind<?, ?>, List<Pending<?>>> byKind =
                    new TreeMap<>(Comparator.<ImportableKind<?, ?>>comparingInt(ImportableKind::rank)
                            .thenComparing(ImportableKind::name));
            for (Pending<?> pending : batch) {
                byKind.computeIfAbsent(pending.kind(), k -> new ArrayList<>()).add(pending);
            }
            byKind.forEach(this::flushKind);
            batch.clear();
            jobs.progressed(jobId, progress.at(position));
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void flushKind(ImportableKind kind, List<Pending<?>> lines) {
            ImportableKind.LineImporter<Object, Object> importer = importer(kind);
            importer.prefetch(lines.stream().map(Pending::line).toList());
            List<Pending<?>> prepared = new ArrayList<>();
            List<ClinicalRecords.NewRecord<Object>> news = new ArrayList<>();
            for (Pending<?> pending : lines) {
                ImportLine line = pending.line();
                ExternalIdentifier identifier = new ExternalIdentifier(system, line.key());
                Object state;
                try {
                    state = importer.prepare(line, pending.request());
                } catch (RuntimeException e) {
                    // a line stored already is compared with what it stored, whatever the rules say now
                    Optional<Object> stored;
                    try {
                        stored = records.exists(kind.recordKind(), identifier)
                                ? kind.asStored(line, pending.request())
                                : Optional.empty();
                    } catch (RuntimeException unreadable) {
                        stored = Optional.empty(); // it lacks what even its stored state needs
                    }
                    if (stored.isEmpty()) {
                        refuse(line.number(), line.kind(), line.key(), e);
                        continue;
                    }
                    state = stored.get();
                }
                news.add(new ClinicalRecords.NewRecord<>(state, identifier));
                prepared.add(pending);
            }
            List<ClinicalRecords.Written<Object>> written =
                    news.isEmpty() ? List.of() : records.createAll(kind.recordKind(), news, context);
            for (int i = 0; i < written.size(); i++) {
                Pending<?> pending = prepared.get(i);
                if (written.get(i) instanceof ClinicalRecords.Written.Stored<Object> stored) {
                    count(stored.created());
                } else if (written.get(i) instanceof ClinicalRecords.Written.Refused<Object> refused) {
                    refuse(
                            pending.line().number(),
                            pending.line().kind(),
                            pending.line().key(),
                            refused.reason());
                }
            }
            metrics.batch(news.size());
        }

        private void count(boolean accepted) {
            progress = accepted ? progress.plus(1, 0, 0) : progress.plus(0, 1, 0);
            metrics.line(accepted ? "accepted" : "already_present");
        }

        private void refuse(long number, String kind, String key, RuntimeException reason) {
            jobs.refuse(jobId, number, kind, key, LineProblems.of(reason));
            progress = progress.plus(0, 0, 1);
            metrics.line("refused");
        }
    }

    /** A new record's line, bound and valid, waiting for its batch: its rules run with the batch's. */
    private record Pending<R>(ImportableKind<R, ?> kind, ImportLine line, R request) {}

    private Path directory(String jobId) {
        return properties.directory().resolve(jobId);
    }

    private void deleteRuns(String jobId) {
        Path directory = directory(jobId);
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("Could not delete the runs of import job {}: {}", jobId, e.getMessage());
        }
    }

    private static long number(Document job, String field) {
        Number value = job.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * After a restart: this instance's jobs read whole are resumed, and one cut off mid-upload cannot
     * be and fails. Then, every third of a lease, it renews its jobs' leases and does the same with
     * the jobs of an instance that is gone (its leases ran out); another live instance's are left alone.
     */
    @Override
    public void start() {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "import-worker");
            thread.setDaemon(true);
            return thread;
        });
        leases = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "import-leases");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        takeUp(true);
        deleteRunsOfFinished();
        long every = ImportJobs.LEASE.toMillis() / 3;
        leases.scheduleWithFixedDelay(this::keepLeases, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * The runs left here of jobs that have finished: failed or completed by another instance that took
     * them up while this one was gone. Another unfinished job's runs stay, whoever owns it: the
     * directory may be shared.
     */
    private void deleteRunsOfFinished() {
        if (!Files.isDirectory(properties.directory())) {
            return;
        }
        try (Stream<Path> entries = Files.list(properties.directory())) {
            for (Path entry : entries.toList()) {
                Path name = entry.getFileName();
                if (name == null || !Files.isDirectory(entry)) {
                    continue;
                }
                String jobId = name.toString();
                boolean finished = jobs.document(jobId)
                        .map(job -> ImportJob.Status.valueOf(job.getString("status"))
                                .finished())
                        .orElse(false);
                if (finished) {
                    deleteRuns(jobId);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Runs of finished import jobs not removed: {}", e.toString());
        }
    }

    private void keepLeases() {
        try {
            jobs.renewLeases();
            takeUp(false);
        } catch (RuntimeException e) {
            log.warn("Import job leases not renewed, will try again: {}", e.toString());
        }
    }

    private void takeUp(boolean ownToo) {
        for (Document job : jobs.claimable(ownToo)) {
            String jobId = job.getString("_id");
            boolean another = job.get("owner") != null && !jobs.ownedHere(job);
            if (another && !Files.isDirectory(directory(jobId)) && !jobs.abandoned(job)) {
                continue; // its runs are with its instance, which may yet carry on: left to it a while longer
            }
            if (!jobs.claim(job)) {
                continue; // another instance took it first
            }
            if (ImportJob.Status.RECEIVING.name().equals(job.getString("status"))) {
                if (jobs.finished(
                        jobId,
                        ImportJob.Status.FAILED,
                        "The service stopped while the file was uploaded; "
                                + "upload it again (lines already imported are skipped)")) {
                    deleteRuns(jobId);
                }
            } else {
                log.info("Resuming import job {}", jobId);
                submit(jobId);
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (leases != null) {
            // no job taken up, and no lease written, once the worker and the store go
            leases.shutdown();
            awaitStopped(leases);
        }
        if (worker != null) {
            worker.shutdownNow();
            // the job's line in flight ends (or fails) before the store closes under it
            awaitStopped(worker);
        }
    }

    private static void awaitStopped(ExecutorService executor) {
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    Set<String> kindNames() {
        return kinds.keySet();
    }
}
