package org.footdrop.outcomes.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.footdrop.contract.PoisonEventException;
import org.footdrop.contract.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Poison records go to {@code outcomes.dlq.v1} at once, with the reason in headers. Every other
 * failure (the store or broker away) is retried without limit, backing off up to 10 s between
 * attempts: a good record never reaches the DLQ, which a finite {@code max-attempts} in the binding
 * would eventually do.
 */
@Configuration
class DeadLetterRouting {

    static final String REASON_HEADER = "footdrop-dlq-reason";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterRouting.class);

    /** Publishes a poison record to the DLQ with its reason; the projection counts it once sent. */
    @Bean
    DeadLetterPublishingRecoverer deadLetterRecoverer(
            KafkaTemplate<byte[], byte[]> dlqTemplate, EventReader reader, MeterRegistry meters) {
        // Every series exists from the start at 0, so increase() sees the first dead letter.
        for (PoisonEventException.Reason reason : PoisonEventException.Reason.values()) {
            for (String topic : List.of(Topics.INTAKE_EVENTS, Topics.TREATMENT_EVENTS)) {
                meters.counter("footdrop.dlq.records", "reason", reason.name(), "topic", topic);
            }
        }
        var recoverer = new DeadLetterPublishingRecoverer(
                dlqTemplate, (record, failure) -> new TopicPartition(Topics.OUTCOMES_DLQ, -1));
        recoverer.setHeadersFunction((record, failure) -> {
            // the projection hands over the reason it already read; anything else is read again
            String reason = failure instanceof PoisonEventException poison
                    ? poison.reason().name()
                    : reader.poisonReason(record.key(), record.value())
                            .map(Enum::name)
                            .orElse("UNKNOWN");
            return new RecordHeaders(
                    new RecordHeader[] {new RecordHeader(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8))});
        });
        return recoverer;
    }

    @Bean
    ListenerContainerWithDlqAndRetryCustomizer deadLetterCustomizer() {
        return new ListenerContainerWithDlqAndRetryCustomizer() {

            @Override
            public void configure(
                    AbstractMessageListenerContainer<?, ?> container,
                    String destinationName,
                    String group,
                    BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                    BackOff backOff) {
                var infinite = new ExponentialBackOff(500, 2.0);
                infinite.setMaxInterval(10_000);
                // The batch listener sends poison itself (EventProjection); a failed batch (store or
                // broker away) is retried whole, without limit, so nothing here ever recovers a record.
                container.setCommonErrorHandler(new DefaultErrorHandler(infinite));
                log.info("Records of {} that can never be projected go to {}", destinationName, Topics.OUTCOMES_DLQ);
            }

            @Override
            public boolean retryAndDlqInBinding(String destinationName, String group) {
                return false;
            }
        };
    }

    /** Writes to the DLQ, and re-drives from it: raw bytes both ways, durably. */
    @Bean
    KafkaTemplate<byte[], byte[]> dlqTemplate(KafkaProperties kafkaProperties) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // A send gives up within 40 s (10 s waiting for the broker's metadata, 30 s delivering), well
        // inside the 3 minutes after which a re-drive's claim is taken over (Redrives.STALE_CLAIM):
        // Kafka's defaults add up to those 3 minutes, and a slow send could then publish twice.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        return new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(config, new ByteArraySerializer(), new ByteArraySerializer()));
    }
}
