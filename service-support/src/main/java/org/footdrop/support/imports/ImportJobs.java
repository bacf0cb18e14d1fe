package org.footdrop.support.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The import jobs and their refused lines, in the service's own store: a job survives the service,
 * so an interrupted one is resumed where its last batch ended.
 */
class ImportJobs {

    static final String JOBS = "import_jobs";
    static final String REFUSALS = "import_refusals";

    /**
     * How long a job stays its instance's without word from it. An instance renews its jobs' leases
     * every third of this; another takes a job up once its lease has run out (its instance is gone).
     */
    static final Duration LEASE = Duration.ofSeconds(60);

    /**
     * A job whose sorted lines are not in this instance's directory is taken up (and failed, since
     * only its own instance can resume it) once its lease has been out this long: till then its
     * instance may only be stalled, or cut off from the store, and may carry on.
     */
    static final Duration ABANDONED = Duration.ofMinutes(10);

    private static final List<String> UNFINISHED =
            List.of(ImportJob.Status.RECEIVING.name(), ImportJob.Status.QUEUED.name(), ImportJob.Status.RUNNING.name());

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String owner;
    private volatile boolean refusalIndex;

    /**
     * @param owner this instance, the same after a restart (its host and import directory): a restarted
     *     instance takes its own jobs up at once, another instance's only once their lease has run out
     */
    ImportJobs(MongoTemplate mongo, Clock clock, String owner) {
        this.mongo = mongo;
        this.clock = clock;
        this.owner = owner;
    }

    /**
     * The counters of a job as one batch leaves them.
     *
     * @param position how many of the job's sorted lines were applied: where a resumed job goes on
     */
    record Progress(long position, long accepted, long alreadyPresent, long refused) {

        Progress plus(long accepted, long alreadyPresent, long refused) {
            return new Progress(
                    position, this.accepted + accepted, this.alreadyPresent + alreadyPresent, this.refused + refused);
        }

        Progress at(long position) {
            return new Progress(position, accepted, alreadyPresent, refused);
        }

        long processed() {
            return accepted + alreadyPresent + refused;
        }
    }

    void create(String jobId, String system, String client, String subject) {
        mongo.insert(
                new Document("_id", jobId)
                        .append("status", ImportJob.Status.RECEIVING.name())
                        .append("system", system)
                        .append("client", client)
                        .append("subject", subject)
                        .append("createdAt", Date.from(clock.instant()))
                        .append("owner", owner)
                        .append("leaseUntil", Date.from(clock.instant().plus(LEASE)))
                        .append("linesRead", 0L)
                        .append("linesToImport", 0L)
                        .append("otherService", 0L)
                        .append("processed", 0L)
                        .append("accepted", 0L)
                        .append("alreadyPresent", 0L)
                        .append("refused", 0L),
                JOBS);
    }

    /** @return false when the job is no longer this instance's (whole: then it is not queued here) */
    boolean received(String jobId, long linesRead, long linesToImport, long otherService, long refused, boolean whole) {
        Update update = new Update()
                .set("linesRead", linesRead)
                .set("linesToImport", linesToImport)
                .set("otherService", otherService)
                .set("refused", refused)
                .set("processed", refused);
        if (whole) {
            update.set("status", ImportJob.Status.QUEUED.name());
        }
        return mongo.updateFirst(
                                Query.query(Criteria.where("_id")
                                        .is(jobId)
                                        .and("owner")
                                        .is(owner)
                                        .and("status")
                                        .is(ImportJob.Status.RECEIVING.name())),
                                update,
                                JOBS)
                        .getMatchedCount()
                == 1;
    }

    /** Whether the job, as read, is this instance's. */
    boolean ownedHere(Document job) {
        return owner.equals(job.getString("owner"));
    }

    /** Running; a resumed job keeps the time it first started, so its rate stays honest. */
    void running(String jobId) {
        Update update = new Update().set("status", ImportJob.Status.RUNNING.name());
        if (document(jobId).map(job -> job.get("processingStartedAt") == null).orElse(false)) {
            update.set("processingStartedAt", Date.from(clock.instant()));
        }
        if (mongo.updateFirst(ownUnfinished(jobId), update, JOBS).getMatchedCount() == 0) {
            throw new TakenOver(jobId);
        }
    }

    /** The job's lease ran out and another instance took it up: this one must stop running it. */
    static final class TakenOver extends RuntimeException {
        TakenOver(String jobId) {
            super("job " + jobId + " is no longer this instance's");
        }
    }

    /**
     * A batch's checkpoint: the counters after it; a resumed job starts from here. Written only while
     * the job is still this instance's, else {@link TakenOver}: the instance that took it goes on from
     * the checkpoint before.
     */
    void progressed(String jobId, Progress progress) {
        long written = mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(jobId).and("owner").is(owner)),
                        new Update()
                                .set("position", progress.position())
                                .set("processed", progress.processed())
                                .set("accepted", progress.accepted())
                                .set("alreadyPresent", progress.alreadyPresent())
                                .set("refused", progress.refused()),
                        JOBS)
                .getMatchedCount();
        if (written == 0) {
            throw new TakenOver(jobId);
        }
    }

    /**
     * Ends the job if it is still this instance's and unfinished: an instance that lost it (its lease
     * ran out while the store was away) must not end the run of the instance that took it up.
     *
     * @return whether it was ended here (only then are its runs this instance's to delete)
     */
    boolean finished(String jobId, ImportJob.Status status, String failure) {
        Update update = new Update().set("status", status.name()).set("finishedAt", Date.from(clock.instant()));
        if (failure != null) {
            update.set("failure", failure);
        }
        return mongo.updateFirst(ownUnfinished(jobId), update, JOBS).getMatchedCount() == 1;
    }

    private Query ownUnfinished(String jobId) {
        return Query.query(Criteria.where("_id")
                .is(jobId)
                .and("owner")
                .is(owner)
                .and("status")
                .in(UNFINISHED));
    }

    /** Asks a job to stop after its current batch; false when it had finished already. */
    boolean cancel(String jobId) {
        Document before = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(jobId)),
                new Update().set("cancelRequested", true),
                FindAndModifyOptions.options().returnNew(false),
                Document.class,
                JOBS);
        return before != null
                && !ImportJob.Status.valueOf(before.getString("status")).finished();
    }

    boolean cancelRequested(String jobId) {
        Document job = mongo.findById(jobId, Document.class, JOBS);
        return job != null && Boolean.TRUE.equals(job.getBoolean("cancelRequested"));
    }

    /** The latest jobs of every caller, newest first: what an admin follows. */
    List<Document> latest(int limit) {
        return mongo.find(
                new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit), Document.class, JOBS);
    }

    /**
     * Whether another instance's job has had its lease run out for {@link #ABANDONED} and more: its
     * instance is gone, not only stalled or cut off from the store for a while.
     */
    boolean abandoned(Document job) {
        Date leaseUntil = job.getDate("leaseUntil");
        return !ownedHere(job)
                && leaseUntil != null
                && leaseUntil.toInstant().plus(ABANDONED).isBefore(clock.instant());
    }

    Optional<Document> document(String jobId) {
        return Optional.ofNullable(mongo.findById(jobId, Document.class, JOBS));
    }

    /**
     * Unfinished jobs (being uploaded, queued or running) this instance may take up: at its start, its
     * own from before the restart, those whose instance is gone, and those of an earlier release (no
     * owner); later, only those whose instance is gone.
     */
    List<Document> claimable(boolean ownToo) {
        // another's: this instance is alive, so its own lease ran out only while the store was away
        Criteria gone = Criteria.where("leaseUntil")
                .lt(Date.from(clock.instant()))
                .and("owner")
                .ne(owner);
        // a job of an earlier release (no owner) only at the start: its instance may be running it still
        Criteria which = ownToo
                ? new Criteria()
                        .orOperator(
                                gone,
                                Criteria.where("owner").exists(false),
                                Criteria.where("owner").is(owner))
                : gone;
        return mongo.find(
                Query.query(new Criteria().andOperator(Criteria.where("status").in(UNFINISHED), which))
                        .with(Sort.by("createdAt")),
                Document.class,
                JOBS);
    }

    /**
     * Takes the job as read: false when another instance took it (or renewed its lease) in between,
     * a compare-and-set on the owner and lease it had.
     */
    boolean claim(Document job) {
        Criteria same = Criteria.where("_id").is(job.getString("_id"));
        same = job.containsKey("owner")
                ? same.and("owner").is(job.get("owner"))
                : same.and("owner").exists(false);
        same = job.containsKey("leaseUntil")
                ? same.and("leaseUntil").is(job.get("leaseUntil"))
                : same.and("leaseUntil").exists(false);
        return mongo.updateFirst(
                                Query.query(same),
                                new Update()
                                        .set("owner", owner)
                                        .set(
                                                "leaseUntil",
                                                Date.from(clock.instant().plus(LEASE))),
                                JOBS)
                        .getMatchedCount()
                == 1;
    }

    /** This instance is alive: its unfinished jobs stay its own for another {@link #LEASE}. */
    void renewLeases() {
        mongo.updateMulti(
                Query.query(Criteria.where("owner").is(owner).and("status").in(UNFINISHED)),
                new Update().set("leaseUntil", Date.from(clock.instant().plus(LEASE))),
                JOBS);
    }

    ImportJob view(Document job) {
        Instant started = instant(job, "processingStartedAt");
        Instant finished = instant(job, "finishedAt");
        long processed = job.get("processed", Number.class).longValue();
        return new ImportJob(
                job.getString("_id"),
                ImportJob.Status.valueOf(job.getString("status")),
                job.getString("system"),
                job.getString("subject"),
                instant(job, "createdAt"),
                started,
                finished,
                number(job, "linesRead"),
                number(job, "linesToImport"),
                processed,
                number(job, "accepted"),
                number(job, "alreadyPresent"),
                number(job, "refused"),
                number(job, "otherService"),
                ImportJob.rate(processed, started, finished != null ? finished : clock.instant()),
                job.getString("failure"));
    }

    /** One refused line, kept once however often a resumed job meets it again. */
    void refuse(String jobId, long line, String kind, String key, Map<String, Object> problem) {
        ensureRefusalIndex(); // with the first refusal, not the first download of many
        mongo.upsert(
                byId(refusalId(jobId, line)),
                new Update()
                        .set("job", jobId)
                        .set("line", line)
                        .set("kind", kind)
                        .set("key", key)
                        .set("problem", new Document(problem)),
                REFUSALS);
    }

    /**
     * A job's refused lines in line order, read with a cursor: a file refused whole (a wrong field on
     * every line) is not held in memory to be downloaded.
     */
    void eachRefusal(String jobId, Consumer<Document> each) {
        ensureRefusalIndex();
        try (Stream<Document> refusals = mongo.stream(
                Query.query(Criteria.where("job").is(jobId)).with(Sort.by("line")), Document.class, REFUSALS)) {
            refusals.forEach(each);
        }
    }

    /** A job's refusals by line: read in order without sorting them all in the store's memory. */
    private void ensureRefusalIndex() {
        if (!refusalIndex) {
            mongo.indexOps(REFUSALS)
                    .createIndex(new Index().on("job", Sort.Direction.ASC).on("line", Sort.Direction.ASC));
            refusalIndex = true;
        }
    }

    private static String refusalId(String jobId, long line) {
        return jobId + ":" + line;
    }

    private static Query byId(String jobId) {
        return Query.query(Criteria.where("_id").is(jobId));
    }

    private static long number(Document job, String field) {
        Number value = job.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }

    private static Instant instant(Document job, String field) {
        Date date = job.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
