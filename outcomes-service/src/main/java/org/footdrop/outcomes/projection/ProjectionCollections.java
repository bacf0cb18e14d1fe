package org.footdrop.outcomes.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Which collection holds the projections queries read, and, during a rebuild, the collection being
 * rebuilt, which live events are written to as well. Kept in one settings document so that every
 * instance follows a switch; read again every second, when each instance also says which rebuild
 * it follows ({@code projection_instances}), so that a rebuild can wait until every live instance
 * writes its live events to the new collection too.
 */
@Component
public class ProjectionCollections {

    static final String SETTINGS = "projection_settings";
    static final String INSTANCES = "projection_instances";
    private static final String ID = "collections";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String instanceId = UUID.randomUUID().toString();
    private volatile String active = PatientOutcomeStore.COLLECTION;
    private volatile String rebuilding;

    public ProjectionCollections(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        refresh();
    }

    public String active() {
        return active;
    }

    public Optional<String> rebuilding() {
        return Optional.ofNullable(rebuilding);
    }

    @Scheduled(fixedDelay = 1000)
    public void refresh() {
        try {
            Document settings = mongo.findById(ID, Document.class, SETTINGS);
            if (settings != null) {
                active = settings.getString("active");
                rebuilding = settings.getString("rebuilding");
            }
            follow();
        } catch (RuntimeException e) {
            // the store is away: keep following the last known collections
        }
    }

    /** Starts writing live events to {@code target} as well. */
    public void startRebuild(String target) {
        write(new Update().set("active", active).set("rebuilding", target));
        rebuilding = target;
        follow();
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

    /** Queries read {@code target} from now on; live events go there only. */
    public void switchTo(String target) {
        write(new Update().set("active", target).unset("rebuilding"));
        active = target;
        rebuilding = null;
    }

    public void abandonRebuild() {
        write(new Update().set("active", active).unset("rebuilding"));
        rebuilding = null;
    }

    private void write(Update update) {
        mongo.findAndModify(
                Query.query(Criteria.where("_id").is(ID)),
                update,
                FindAndModifyOptions.options().upsert(true),
                Document.class,
                SETTINGS);
    }
}
