package org.footdrop.outcomes.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which collection holds the projections queries read, and, during a rebuild, the collection being
 * rebuilt, which live events are written to as well. Kept in one settings document so that every
 * instance follows a switch; read again every half second, when each instance also says which rebuild
 * it follows ({@code projection_instances}), so that a rebuild can wait until every live instance
 * writes its live events to the new collection too. A switch made by another instance is announced
 * ({@link ProjectionSwitched}), so that what this one keeps in memory is read again from the new collection.
 *
 * <p>Live events are written only while the settings were read recently ({@link #requireCurrent}): an
 * instance that has not been heard from for the rebuild's liveness is counted as stopped, and its
 * events after the rebuild's end offsets would otherwise reach only the old collection.
 */
@Component
public class ProjectionCollections {

    static final String SETTINGS = "projection_settings";
    static final String INSTANCES = "projection_instances";
    private static final String ID = "collections";
    /** The instance whose rebuild the settings name. */
    private static final String REBUILDING_BY = "rebuildingBy";
    /**
     * How old the last read of the settings may be when live events are written: well under the 5 s
     * after which a rebuild counts a silent instance as stopped, so that an instance writing without
     * following a rebuild is one the rebuild still waits for.
     */
    static final Duration CURRENT_FOR = Duration.ofSeconds(2);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final String instanceId = UUID.randomUUID().toString();
    private volatile String active = PatientOutcomeStore.COLLECTION;
    private volatile String rebuilding;
    /** When the settings read last (and this instance's heartbeat after it) began; null: never. */
    private volatile Instant heardAt;

    public ProjectionCollections(MongoTemplate mongo, Clock clock, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.clock = clock;
        this.events = events;
        read(false); // nothing is in memory yet to read again
    }

    public String active() {
        return active;
    }

    public Optional<String> rebuilding() {
        return Optional.ofNullable(rebuilding);
    }

    /**
     * Throws unless the settings were read within {@link #CURRENT_FOR}: at start with the store away,
     * or with the heartbeat stalled, the collections known here may not be the ones to write to.
     */
    public void requireCurrent() {
        Instant heard = heardAt;
        if (heard == null) {
            throw new IllegalStateException("projection settings not read yet");
        }
        Duration age = Duration.between(heard, clock.instant());
        if (age.compareTo(CURRENT_FOR) > 0) {
            throw new IllegalStateException("projection settings last read " + age.toMillis() + " ms ago");
        }
    }

    /** Called every half second by {@link ProjectionHeartbeat}, on its own thread. */
    public void refresh() {
        read(true);
    }

    /** Synchronized with the rebuild's changes: a read from before one must not undo it here. */
    private synchronized void read(boolean announceSwitch) {
        try {
            Instant started = clock.instant();
            Document settings = mongo.findById(ID, Document.class, SETTINGS);
            if (settings != null) {
                String was = active;
                active = settings.getString("active");
                rebuilding = settings.getString("rebuilding");
                if (announceSwitch && !active.equals(was)) {
                    events.publishEvent(new ProjectionSwitched(active));
                }
            }
            follow();
            heardAt = started;
        } catch (RuntimeException e) {
            // the store is away: keep following the last known collections
        }
    }

    /**
     * Starts writing live events to {@code target} as well, unless a rebuild of another instance that is
     * alive (heard from within {@code liveness}) is under way: one rebuild at a time across instances, or
     * each would switch to a collection the other's live events never reached. A rebuild left named by an
     * instance that has gone, or by this one after it failed, is taken over. Compare-and-set on what was
     * read, so of two instances starting at once only one succeeds.
     *
     * @return false when another instance's rebuild is under way
     */
    public synchronized boolean startRebuild(String target, Duration liveness) {
        Document settings = mongo.findById(ID, Document.class, SETTINGS);
        String current = settings == null ? null : settings.getString("rebuilding");
        String owner = settings == null ? null : settings.getString(REBUILDING_BY);
        // what the settings say now: the switch of a rebuild that ended elsewhere since the last refresh stays
        String activeNow = settings == null ? active : settings.getString("active");
        if (current != null && owner != null && !owner.equals(instanceId) && alive(owner, liveness)) {
            return false;
        }
        Query unchanged = Query.query(Criteria.where("_id").is(ID));
        unchanged.addCriteria(
                current == null
                        ? Criteria.where("rebuilding").exists(false)
                        : Criteria.where("rebuilding").is(current));
        if (settings != null) {
            unchanged.addCriteria(Criteria.where("active").is(activeNow));
        }
        Document claimed;
        try {
            claimed = mongo.findAndModify(
                    unchanged,
                    new Update()
                            .set("active", activeNow)
                            .set("rebuilding", target)
                            .set(REBUILDING_BY, instanceId),
                    FindAndModifyOptions.options().upsert(settings == null).returnNew(true),
                    Document.class,
                    SETTINGS);
        } catch (DuplicateKeyException anotherFirst) {
            return false; // another instance wrote the first settings at the same moment
        }
        if (claimed == null) {
            return false; // another instance changed the settings since they were read
        }
        if (!activeNow.equals(active)) {
            active = activeNow; // another instance's switch, not heard of yet: queries and live events follow it
            events.publishEvent(new ProjectionSwitched(activeNow));
        }
        rebuilding = target;
        follow();
        return true;
    }

    private boolean alive(String instance, Duration liveness) {
        Document seen = mongo.findById(instance, Document.class, INSTANCES);
        return seen != null
                && seen.getDate("seenAt") != null
                && seen.getDate("seenAt").toInstant().isAfter(clock.instant().minus(liveness));
    }

    /**
     * Whether every instance heard from within {@code liveness} writes its live events to {@code
     * target} as well. A stopped instance falls silent and stops counting after {@code liveness};
     * one that is alive but behind is waited for.
     */
    public boolean everyInstanceFollows(String target, Duration liveness) {
        Instant since = clock.instant().minus(liveness);
        // a few documents, one per instance: scanning them is cheap
        return mongo.findAll(Document.class, INSTANCES).stream()
                .filter(instance -> instance.getDate("seenAt").toInstant().isAfter(since))
                .allMatch(instance -> target.equals(instance.getString("follows")));
    }

    /** This instance is alive and follows the rebuild it has seen (none: null). */
    private void follow() {
        mongo.upsert(
                Query.query(Criteria.where("_id").is(instanceId)),
                new Update().set("seenAt", Date.from(clock.instant())).set("follows", rebuilding),
                INSTANCES);
    }

    /**
     * Queries read {@code target} from now on; live events go there only. Only while the settings still
     * name this rebuild: one taken over by another instance is not switched to.
     *
     * @return false when the settings name another rebuild now
     */
    public synchronized boolean switchTo(String target) {
        Document switched = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(ID).and("rebuilding").is(target)),
                new Update().set("active", target).unset("rebuilding").unset(REBUILDING_BY),
                Document.class,
                SETTINGS);
        if (switched == null) {
            return false;
        }
        active = target;
        rebuilding = null;
        return true;
    }

    /** Stops writing live events to {@code target}, if the settings still name it (not another's rebuild). */
    public synchronized void abandonRebuild(String target) {
        Document abandoned = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(ID).and("rebuilding").is(target)),
                new Update().unset("rebuilding").unset(REBUILDING_BY),
                Document.class,
                SETTINGS);
        if (abandoned != null) {
            rebuilding = null;
        } // else another instance took the rebuild over: its target is still written to, as the settings say
    }
}
