package org.footdrop.support.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.footdrop.support.audit.AuditLog;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Reads the audit store directly, as an auditor would: the records of one subject, oldest first. */
public final class AuditProbe {

    private final MongoTemplate mongo;

    public AuditProbe(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Waits until the subject has at least {@code count} records (they are stored in batches). */
    public List<Document> awaitRecords(String subject, int count) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> records(subject), records -> records.size() >= count);
    }

    public List<Document> records(String subject) {
        return mongo.find(
                Query.query(Criteria.where("subject").is(subject)).with(org.springframework.data.domain.Sort.by("at")),
                Document.class,
                AuditLog.COLLECTION);
    }
}
