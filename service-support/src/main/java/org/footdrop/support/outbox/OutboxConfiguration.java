package org.footdrop.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.footdrop.contract.EventCodec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The outbox for services that own clinical records (intake, treatment). Enabled with
 * {@code footdrop.outbox.enabled=true}.
 */
@AutoConfiguration
@EnableScheduling
@ConditionalOnProperty(name = "footdrop.outbox.enabled", havingValue = "true")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Its own producer: durable (acks=all, idempotent) and quick to give up when the broker is
     * away, since the outbox, not the producer, holds events through an outage.
     */
    @Bean
    KafkaTemplate<String, byte[]> outboxKafkaTemplate(KafkaProperties kafkaProperties, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
        var factory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        // The producer's own metrics (kafka_producer_*), as Boot's factory would have them.
        factory.addListener(new MicrometerProducerListener<>(meters));
        return new KafkaTemplate<>(factory);
    }

    @Bean
    OutboxPublisher outboxPublisher(
            KafkaTemplate<String, byte[]> outboxKafkaTemplate,
            MongoTemplate mongo,
            MeterRegistry meters,
            OutboxProperties properties) {
        OutboxPublisher publisher = new OutboxPublisher(outboxKafkaTemplate, mongo, meters, properties);
        Gauge.builder("footdrop.outbox.queued", publisher, OutboxPublisher::queued)
                .description("Events waiting in memory to be sent")
                .register(meters);
        return publisher;
    }

    @Bean
    OutboxWriter outboxWriter(MongoTemplate mongo, OutboxPublisher publisher, Clock clock, MeterRegistry meters) {
        mongo.indexOps(PendingEventMarker.COLLECTION).createIndex(new Index("createdAt", Sort.Direction.ASC));
        mongo.indexOps(PendingEventMarker.COLLECTION).createIndex(new Index("dueAt", Sort.Direction.ASC));
        return new OutboxWriter(mongo, publisher, clock, meters);
    }

    @Bean
    OutboxBacklog outboxBacklog(MongoTemplate mongo, Clock clock, MeterRegistry meters) {
        return new OutboxBacklog(mongo, clock, meters);
    }

    @Bean
    TraceHeaders traceHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null ? TraceHeaders.none() : new TraceHeaders(t, p);
    }

    @Bean
    OutboxSweeper outboxSweeper(
            MongoTemplate mongo,
            OutboxPublisher publisher,
            OutboxProperties properties,
            Clock clock,
            EventCodec codec) {
        return new OutboxSweeper(mongo, publisher, properties, clock, codec);
    }
}
