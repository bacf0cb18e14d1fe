package org.footdrop.outcomes.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Re-drives a dead letter to the topic it came from, once its cause is fixed (a consumer that now
 * reads its version or type, a raised size limit), and remembers in the store which records were
 * re-driven, by whom and when: the topic itself is never changed. A re-drive is claimed in the store
 * before it publishes, so two at once (two admins, a double click, two instances) publish once; a claim
 * left by an instance that died before it finished is taken over after {@link #STALE_CLAIM}, which may
 * repeat an event the projection then applies once.
 */
@Component
class Redrives {

    private static final Logger log = LoggerFactory.getLogger(Redrives.class);

    static final String COLLECTION = "dlq_redrives";
    static final String REDRIVEN_FROM_HEADER = "footdrop-redriven-from";
    /** Far longer than a publish takes (the DLQ producer gives up within 40 s: DeadLetterRouting). */
    static final Duration STALE_CLAIM = Duration.ofMinutes(3);

    private final MongoTemplate mongo;
    private final KafkaTemplate<byte[], byte[]> dlqTemplate;
    private final Clock clock;

    Redrives(MongoTemplate mongo, KafkaTemplate<byte[], byte[]> dlqTemplate, Clock clock) {
        this.mongo = mongo;
        this.dlqTemplate = dlqTemplate;
        this.clock = clock;
    }

    Map<String, DeadLetter.Redrive> known(List<String> ids) {
        Query done = Query.query(Criteria.where("_id").in(ids).and("offset").exists(true)); // not mere claims
        return mongo.find(done, Document.class, COLLECTION).stream()
                .collect(Collectors.toMap(d -> d.getString("_id"), Redrives::redrive));
    }

    DeadLetter redrive(ConsumerRecord<byte[], byte[]> record, String by) throws Exception {
        String id = record.partition() + "-" + record.offset();
        String topic = DeadLetterTopic.header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (topic == null) {
            throw conflict("Dead letter " + id + " does not say which topic it came from");
        }
        Instant claimedAt = claim(id, by);
        ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(topic, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt") && !header.key().equals(DeadLetterTopic.REASON_HEADER)) {
                again.headers().add(header);
            }
        }
        again.headers().add(REDRIVEN_FROM_HEADER, ("dlq:" + id).getBytes(StandardCharsets.UTF_8));
        long offset;
        try {
            offset = dlqTemplate.send(again).get().getRecordMetadata().offset();
        } catch (Exception | Error e) {
            release(id, claimedAt); // not published: may be tried again at once
            throw e;
        }
        DeadLetter.Redrive redrive = new DeadLetter.Redrive(clock.instant(), by, topic, offset);
        long completed = mongo.updateFirst(
                        Query.query(
                                Criteria.where("_id").is(id).and("claimedAt").is(Date.from(claimedAt))),
                        new Update()
                                .set("at", Date.from(redrive.at()))
                                .set("by", by)
                                .set("topic", topic)
                                .set("offset", offset),
                        COLLECTION)
                .getMatchedCount();
        if (completed == 0) {
            // this request outlived its claim and another took it over: both may publish (applied once)
            log.warn("Re-drive of dead letter {} outlived its claim; it may be published twice", id);
        }
        return DeadLetterTopic.describe(record, redrive);
    }

    /**
     * Claims the re-drive of {@code id} for this request, or refuses (409) one re-driven already or being
     * re-driven now. Returns the claim's time, which names it.
     */
    private Instant claim(String id, String by) {
        Instant now = clock.instant();
        try {
            mongo.insert(
                    new Document("_id", id).append("claimedAt", Date.from(now)).append("by", by), COLLECTION);
            return now;
        } catch (DuplicateKeyException taken) {
            Document existing = mongo.findById(id, Document.class, COLLECTION);
            if (existing == null) {
                throw conflict("Dead letter " + id + " is being re-driven; try again"); // released meanwhile
            }
            if (existing.containsKey("offset")) {
                throw conflict("Dead letter " + id + " was already re-driven");
            }
            Date claimedAt = existing.getDate("claimedAt");
            if (claimedAt.toInstant().isAfter(now.minus(STALE_CLAIM))) {
                throw conflict("Dead letter " + id + " is being re-driven by another request");
            }
            // the claimant died before it finished: take its claim over, unless another request did first
            Document takenOver = mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(id).and("claimedAt").is(claimedAt)),
                    new Update().set("claimedAt", Date.from(now)).set("by", by),
                    Document.class,
                    COLLECTION);
            if (takenOver == null) {
                throw conflict("Dead letter " + id + " is being re-driven by another request");
            }
            return now;
        }
    }

    private void release(String id, Instant claimedAt) {
        try {
            mongo.remove(
                    Query.query(Criteria.where("_id").is(id).and("claimedAt").is(Date.from(claimedAt))), COLLECTION);
        } catch (RuntimeException storeAway) {
            // the claim goes stale and is taken over later
        }
    }

    private static ClinicalProblemException conflict(String detail) {
        return new ClinicalProblemException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, detail, List.of());
    }

    private static DeadLetter.Redrive redrive(Document document) {
        return new DeadLetter.Redrive(
                document.getDate("at").toInstant(),
                document.getString("by"),
                document.getString("topic"),
                document.get("offset", Number.class).longValue());
    }
}
