package org.footdrop.outcomes.cohort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which patients changed, in order, for every instance: each instance consumes only its own
 * partitions, so it writes one entry per refresh batch (not per event) and follows everyone's
 * entries to refresh those patients too. Entries have sequence numbers as {@code _id} and are read
 * by {@code _id $in} of the next numbers, the one filter the embedded store serves from an index.
 */
@Component
final class ChangeLog {

    static final String COLLECTION = "projection_changes";
    private static final String COUNTER = "projection_changes_counter";
    private static final int LOOKAHEAD = 100;
    /** A number taken by a writer that died before writing its entry is skipped after this long. */
    private static final Duration GAP_PATIENCE = Duration.ofSeconds(10);

    private static final long KEEP = 10_000;

    private final MongoTemplate mongo;
    private final Clock clock;
    /** The next entry to read; -1 until first followed (the table's load covers what came before). */
    private long next = -1;

    private Instant gapSince;

    /**
     * The entries this instance wrote: their patients were loaded just before, so following them
     * again would read and derive every patient this instance changed twice.
     */
    private final Set<Long> own = ConcurrentHashMap.newKeySet();

    ChangeLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Records that these patients changed; returns the entry's sequence number. */
    long append(Collection<String> patientIds) {
        long seq = mongo.findAndModify(
                        Query.query(Criteria.where("_id").is("seq")),
                        new Update().inc("value", 1L),
                        FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class,
                        COUNTER)
                .get("value", Number.class)
                .longValue();
        own.add(seq); // before the entry exists: a follow on another thread never sees it unmarked
        mongo.insert(
                new Document("_id", seq)
                        .append("patients", List.copyOf(patientIds))
                        .append("at", java.util.Date.from(clock.instant())),
                COLLECTION);
        if (seq % 1000 == 0 && seq > KEEP) {
            List<Long> old = LongStream.range(Math.max(1, seq - KEEP - 1000), seq - KEEP)
                    .boxed()
                    .toList();
            mongo.remove(Query.query(Criteria.where("_id").in(old)), COLLECTION);
        }
        return seq;
    }

    /**
     * Hands the patients of every new entry, in order, to {@code changed}; skips long-standing gaps.
     *
     * @return false when the entries this instance was to read next are gone (pruned while it was
     *     cut off or stalled): it has lost track, follows on from the log's end, and must read every
     *     patient again
     */
    synchronized boolean follow(Consumer<List<String>> changed) {
        if (next < 0) {
            next = current() + 1;
            own.removeIf(seq -> seq < next);
            return true;
        }
        long current = current();
        if (current - next >= KEEP) {
            return lostTrack(current); // what this instance was to read next may be pruned already
        }
        List<Long> wanted = LongStream.range(next, next + LOOKAHEAD).boxed().toList();
        Map<Long, Document> found = new TreeMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(wanted)), Document.class, COLLECTION)
                .forEach(d -> found.put(((Number) d.get("_id")).longValue(), d));
        if (found.isEmpty()) {
            // a whole window missing with later numbers taken: removed, never that many dead writers
            return current >= next + LOOKAHEAD ? lostTrack(current) : true;
        }
        while (true) {
            Document entry = found.get(next);
            if (entry != null) {
                if (!own.remove(next)) {
                    changed.accept(entry.getList("patients", String.class));
                }
                next++;
                gapSince = null;
                continue;
            }
            boolean later = found.keySet().stream().anyMatch(seq -> seq > next);
            if (!later) {
                return true;
            }
            Instant now = clock.instant();
            if (gapSince == null) {
                gapSince = now;
                return true;
            }
            if (Duration.between(gapSince, now).compareTo(GAP_PATIENCE) < 0) {
                return true;
            }
            own.remove(next);
            next++; // a writer took this number and never wrote it
            gapSince = null;
        }
    }

    private boolean lostTrack(long current) {
        next = current + 1;
        own.removeIf(seq -> seq < next);
        gapSince = null;
        return false;
    }

    private long current() {
        Document counter = mongo.findById("seq", Document.class, COUNTER);
        return counter == null ? 0 : counter.get("value", Number.class).longValue();
    }
}
