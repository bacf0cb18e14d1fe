package org.footdrop.outcomes.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.PoisonEventException;
import org.footdrop.contract.Topics;
import org.footdrop.outcomes.cohort.CohortTable;
import org.footdrop.outcomes.messaging.EventReader;
import org.footdrop.outcomes.projection.PatientOutcomeStore;
import org.footdrop.outcomes.projection.ProjectionCollections;
import org.footdrop.outcomes.projection.ProjectionSwitched;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the projections from the topics, which keep every event: live events are written to the
 * new collection as well from the start, the topics are replayed into it from the beginning up to
 * the end offsets seen at the start, and then queries switch over. Applying events is idempotent
 * and order-independent, so the overlap of replay and live writes is harmless, and queries read
 * the old collection until the new one is complete.
 */
@Component
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    /** Instances say which rebuild they follow every second: one silent for 5 s has stopped. */
    private static final Duration LIVENESS = Duration.ofSeconds(5);

    public record Status(
            String state,
            String target,
            String previous,
            long replayed,
            long total,
            long poison,
            Instant startedAt,
            Instant finishedAt,
            String error) {}

    private final ProjectionCollections collections;
    private final PatientOutcomeStore store;
    private final EventReader reader;
    private final CohortTable cohort;
    private final ApplicationEventPublisher events;
    private final KafkaProperties kafka;
    private final Clock clock;
    private final Duration followTimeout;
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private volatile Status status = new Status("IDLE", null, null, 0, 0, 0, null, null, null);

    public ProjectionRebuild(
            ProjectionCollections collections,
            PatientOutcomeStore store,
            EventReader reader,
            CohortTable cohort,
            ApplicationEventPublisher events,
            KafkaProperties kafka,
            Clock clock,
            MeterRegistry meters,
            @Value("${footdrop.rebuild.follow-timeout:60s}") Duration followTimeout) {
        this.collections = collections;
        this.store = store;
        this.reader = reader;
        this.cohort = cohort;
        this.events = events;
        this.kafka = kafka;
        this.clock = clock;
        this.followTimeout = followTimeout;
        Gauge.builder(
                        "footdrop.rebuild.progress",
                        this,
                        r -> r.total.get() == 0 ? 0 : (double) r.replayed.get() / r.total.get())
                .description("Share of the topics' events replayed by the running (or last) rebuild")
                .register(meters);
    }

    public Status status() {
        Status s = status;
        return new Status(
                s.state(),
                s.target(),
                s.previous(),
                replayed.get(),
                total.get(),
                s.poison(),
                s.startedAt(),
                s.finishedAt(),
                s.error());
    }

    /** Starts a rebuild in the background; false when one is already running, here or on another instance. */
    public synchronized boolean start() {
        if ("REPLAYING".equals(status.state())) {
            return false;
        }
        String target = PatientOutcomeStore.COLLECTION + "_" + clock.millis();
        // Named in the settings first: if the store refuses that, the exception reaches the caller and
        // the status stays what it was, rather than REPLAYING with no worker and every later start refused.
        if (!collections.startRebuild(target, LIVENESS)) {
            return false; // another instance's rebuild is under way
        }
        String previous = collections.active(); // as the settings said when the rebuild was claimed
        replayed.set(0);
        total.set(0);
        status = new Status("REPLAYING", target, previous, 0, 0, 0, clock.instant(), null, null);
        Thread worker = new Thread(() -> run(target, previous), "projection-rebuild");
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    private void run(String target, String previous) {
        long poison = 0;
        try {
            // Every instance writes live events to the target before the end offsets are taken: events
            // after them are then certain to reach the target live.
            awaitEveryInstanceFollows(target);
            try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : List.of(Topics.INTAKE_EVENTS, Topics.TREATMENT_EVENTS)) {
                    consumer.partitionsFor(topic)
                            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
                consumer.assign(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
                partitions.forEach(p -> total.addAndGet(end.get(p) - begin.get(p)));
                consumer.seekToBeginning(partitions);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    // one unordered bulk write per poll: a replay's speed is the store's per-write cost
                    List<EventEnvelope> events = new ArrayList<>();
                    int read = 0;
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                            continue; // written live already
                        }
                        read++;
                        try {
                            events.add(reader.read(record.key(), record.value()));
                        } catch (PoisonEventException e) {
                            poison++; // on the DLQ already; never projectable
                        }
                    }
                    store.applyAll(events, target);
                    replayed.addAndGet(read);
                }
            }
            if (!collections.switchTo(target)) {
                throw new IllegalStateException(
                        "another instance took the rebuild over; " + target + " not switched to");
            }
            readCohortTableAgain(target);
            status = new Status(
                    "SWITCHED",
                    target,
                    previous,
                    replayed.get(),
                    total.get(),
                    poison,
                    status.startedAt(),
                    clock.instant(),
                    null);
            log.info(
                    "Projections rebuilt into {} from {} events ({} poison skipped); queries now read it",
                    target,
                    replayed.get(),
                    poison);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(target, previous, poison, e);
        } catch (RuntimeException e) {
            fail(target, previous, poison, e);
        }
    }

    /**
     * The switch is made: a cohort table that cannot be read again now (the store away for a moment)
     * does not make the rebuild a failure. It is read again in the background and retried, as after
     * another instance's switch.
     */
    private void readCohortTableAgain(String target) {
        try {
            cohort.reload();
        } catch (RuntimeException e) {
            log.warn(
                    "Cohort table not read again after the switch to {}, retrying in the background: {}",
                    target,
                    e.toString());
            events.publishEvent(new ProjectionSwitched(target));
        }
    }

    private void awaitEveryInstanceFollows(String target) throws InterruptedException {
        long deadline = System.nanoTime() + followTimeout.toNanos();
        while (!collections.everyInstanceFollows(target, LIVENESS)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every instance followed the rebuild within " + followTimeout);
            }
            Thread.sleep(100);
        }
    }

    private void fail(String target, String previous, long poison, Exception e) {
        try {
            collections.abandonRebuild(target);
        } catch (RuntimeException abandoning) {
            // The store is away (often why the rebuild failed): the settings still name the target, so
            // live events go on reaching it as well until the next rebuild names its own; queries never
            // left the old collection. Failing here would leave the status REPLAYING, and every later
            // start refused, until a restart.
            e.addSuppressed(abandoning);
        }
        status = new Status(
                "FAILED",
                target,
                previous,
                replayed.get(),
                total.get(),
                poison,
                status.startedAt(),
                clock.instant(),
                e.getClass().getSimpleName());
        log.warn("Projection rebuild into {} failed; queries keep reading {}", target, previous, e);
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000); // more of a patient's events per upsert
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
