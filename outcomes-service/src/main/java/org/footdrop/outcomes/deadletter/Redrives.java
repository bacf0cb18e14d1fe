package org.footdrop.outcomes.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Re-drives a dead letter to the topic it came from, once its cause is fixed (a consumer that now
 * reads its version or type, a raised size limit), and remembers in the store which records were
 * re-driven, by whom and when: the topic itself is never changed. Publishing comes first: if
 * remembering then fails, a second re-drive only repeats an event the projection applies once.
 */
@Component
class Redrives {

    static final String COLLECTION = "dlq_redrives";
    static final String REDRIVEN_FROM_HEADER = "footdrop-redriven-from";

    private final MongoTemplate mongo;
    private final KafkaTemplate<byte[], byte[]> dlqTemplate;
    private final Clock clock;

    Redrives(MongoTemplate mongo, KafkaTemplate<byte[], byte[]> dlqTemplate, Clock clock) {
        this.mongo = mongo;
        this.dlqTemplate = dlqTemplate;
        this.clock = clock;
    }

    Map<String, DeadLetter.Redrive> known(List<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION).stream()
                .collect(Collectors.toMap(d -> d.getString("_id"), Redrives::redrive));
    }

    DeadLetter redrive(ConsumerRecord<byte[], byte[]> record, String by) throws Exception {
        String id = record.partition() + "-" + record.offset();
        if (mongo.findById(id, Document.class, COLLECTION) != null) {
            throw new ClinicalProblemException(
                    HttpStatus.CONFLICT,
                    ProblemTypes.CONFLICT,
                    "Dead letter " + id + " was already re-driven",
                    List.of());
        }
        String topic = DeadLetterTopic.header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (topic == null) {
            throw new ClinicalProblemException(
                    HttpStatus.CONFLICT,
                    ProblemTypes.CONFLICT,
                    "Dead letter " + id + " does not say which topic it came from",
                    List.of());
        }
        ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(topic, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt") && !header.key().equals(DeadLetterTopic.REASON_HEADER)) {
                again.headers().add(header);
            }
        }
        again.headers().add(REDRIVEN_FROM_HEADER, ("dlq:" + id).getBytes(StandardCharsets.UTF_8));
        long offset = dlqTemplate.send(again).get().getRecordMetadata().offset();
        DeadLetter.Redrive redrive = new DeadLetter.Redrive(clock.instant(), by, topic, offset);
        try {
            mongo.insert(
                    new Document("_id", id)
                            .append("at", Date.from(redrive.at()))
                            .append("by", by)
                            .append("topic", topic)
                            .append("offset", offset),
                    COLLECTION);
        } catch (DuplicateKeyException concurrent) {
            // re-driven twice at once: both events reach the projection, which applies one
        }
        return DeadLetterTopic.describe(record, redrive);
    }

    private static DeadLetter.Redrive redrive(Document document) {
        return new DeadLetter.Redrive(
                document.getDate("at").toInstant(),
                document.getString("by"),
                document.getString("topic"),
                document.get("offset", Number.class).longValue());
    }
}
