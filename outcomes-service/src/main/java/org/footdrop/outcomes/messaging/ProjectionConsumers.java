package org.footdrop.outcomes.messaging;

import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.converter.BatchMessagingMessageConverter;
import org.springframework.messaging.Message;

/**
 * The functional consumers, one per source topic (bindings {@code <name>-in-0}), in batch mode: each
 * gets a whole poll, so the projection writes once per poll instead of once per event.
 */
@Configuration
class ProjectionConsumers {

    /** Named in the bindings' {@code converter-bean-name}: hands the listener the polled records themselves. */
    static final String RAW_RECORD_BATCHES = "rawRecordBatches";

    @Bean(RAW_RECORD_BATCHES)
    BatchMessagingMessageConverter rawRecordBatches() {
        // the records' keys, headers and offsets travel with them; no header is mapped or converted
        BatchMessagingMessageConverter converter = new BatchMessagingMessageConverter(null);
        converter.setRawRecordHeader(true);
        return converter;
    }

    @Bean
    Consumer<Message<List<byte[]>>> projectIntakeEvents(EventProjection projection) {
        return batch -> projection.project(records(batch));
    }

    @Bean
    Consumer<Message<List<byte[]>>> projectTreatmentEvents(EventProjection projection) {
        return batch -> projection.project(records(batch));
    }

    @SuppressWarnings("unchecked")
    private static List<ConsumerRecord<byte[], byte[]>> records(Message<?> batch) {
        Object records = batch.getHeaders().get(KafkaHeaders.RAW_DATA);
        if (!(records instanceof List<?>)) {
            throw new IllegalStateException("No " + KafkaHeaders.RAW_DATA
                    + " header: is the binding's converter-bean-name " + RAW_RECORD_BATCHES + "?");
        }
        return (List<ConsumerRecord<byte[], byte[]>>) records;
    }
}
