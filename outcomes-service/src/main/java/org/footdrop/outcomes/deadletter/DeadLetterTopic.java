package org.footdrop.outcomes.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.footdrop.contract.Topics;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/** Reads the dead-letter topic on demand, with a short-lived consumer that commits nothing. */
@Component
class DeadLetterTopic {

    static final String REASON_HEADER = "footdrop-dlq-reason";
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaProperties kafkaProperties;

    DeadLetterTopic(KafkaProperties kafkaProperties) {
        this.kafkaProperties = kafkaProperties;
    }

    /** Every dead letter, oldest first per partition; at most {@code limit}. */
    List<ConsumerRecord<byte[], byte[]>> all(int limit) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.OUTCOMES_DLQ).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (records.size() < limit && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(POLL).forEach(records::add);
            }
            return records.size() <= limit ? records : records.subList(0, limit);
        }
    }

    Optional<ConsumerRecord<byte[], byte[]>> at(int partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            TopicPartition topicPartition = new TopicPartition(Topics.OUTCOMES_DLQ, partition);
            if (consumer.partitionsFor(Topics.OUTCOMES_DLQ).stream().noneMatch(p -> p.partition() == partition)) {
                return Optional.empty();
            }
            consumer.assign(List.of(topicPartition));
            long end = consumer.endOffsets(List.of(topicPartition)).get(topicPartition);
            if (offset < 0 || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(topicPartition, offset);
            for (int attempt = 0; attempt < 20; attempt++) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                }
            }
            return Optional.empty();
        }
    }

    static DeadLetter describe(ConsumerRecord<byte[], byte[]> record, DeadLetter.Redrive redrive) {
        return new DeadLetter(
                record.partition(),
                record.offset(),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                header(record, REASON_HEADER),
                header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                Instant.ofEpochMilli(record.timestamp()),
                record.value() == null ? 0 : record.value().length,
                redrive);
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
