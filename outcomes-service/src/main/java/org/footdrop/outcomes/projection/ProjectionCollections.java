package org.footdrop.outcomes.projection;

import java.util.Optional;
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
 * instance follows a switch; read again every second.
 */
@Component
public class ProjectionCollections {

    static final String SETTINGS = "projection_settings";
    private static final String ID = "collections";

    private final MongoTemplate mongo;
    private volatile String active = PatientOutcomeStore.COLLECTION;
    private volatile String rebuilding;

    public ProjectionCollections(MongoTemplate mongo) {
        this.mongo = mongo;
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
        } catch (RuntimeException e) {
            // the store is away: keep following the last known collections
        }
    }

    /** Starts writing live events to {@code target} as well. */
    public void startRebuild(String target) {
        write(new Update().set("active", active).set("rebuilding", target));
        rebuilding = target;
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
