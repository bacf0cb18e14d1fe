package org.footdrop.outcomes.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.PoisonEventException;
import org.footdrop.outcomes.cohort.CohortTable;
import org.footdrop.outcomes.projection.PatientOutcomeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.stereotype.Component;

/**
 * Reads a poll's records and applies their events with one read and one bulk write (see
 * {@link PatientOutcomeStore#apply(List)}). A record that can never be read
 * ({@link PoisonEventException}) goes to the DLQ, after the good ones are applied: should the batch
 * fail and be retried, the poison is not sent twice. Anything else that fails, such as the store
 * or the broker being away, propagates, and the container retries the whole batch without limit
 * (applying is idempotent). Nothing is caught and logged here: that would silently defeat both.
 */
@Component
class EventProjection {

    static final String PROJECTED = "footdrop.events.projected";
    private static final Logger log = LoggerFactory.getLogger(EventProjection.class);

    private final EventReader reader;
    private final PatientOutcomeStore store;
    private final CohortTable cohort;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final ProjectionTrace trace;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Timer freshness;

    EventProjection(
            EventReader reader,
            PatientOutcomeStore store,
            CohortTable cohort,
            DeadLetterPublishingRecoverer deadLetters,
            ProjectionTrace trace,
            MeterRegistry meters,
            Clock clock) {
        this.reader = reader;
        this.store = store;
        this.cohort = cohort;
        this.deadLetters = deadLetters;
        this.trace = trace;
        this.meters = meters;
        this.clock = clock;
        // A histogram, so Prometheus can compute percentiles across instances and time.
        this.freshness = Timer.builder("footdrop.projection.freshness")
                .description("From an event's recordedAt (its write was accepted) to its projection")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(meters);
    }

    private record Read(ConsumerRecord<byte[], byte[]> record, EventEnvelope event) {}

    void project(List<ConsumerRecord<byte[], byte[]>> records) {
        List<Read> reads = new ArrayList<>(records.size());
        Map<ConsumerRecord<byte[], byte[]>, PoisonEventException> poison = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                reads.add(new Read(record, reader.read(record.key(), record.value())));
            } catch (PoisonEventException e) {
                poison.put(record, e);
            }
        }
        List<EventEnvelope> events = reads.stream().map(Read::event).toList();
        Map<UUID, PatientOutcomeStore.Result> results;
        try {
            results = store.apply(events);
        } catch (RuntimeException e) {
            events.forEach(event -> projected(event, "failed"));
            throw e;
        }
        for (Read read : reads) {
            EventEnvelope event = read.event();
            PatientOutcomeStore.Result result = results.get(event.eventId());
            cohort.changed(event.patientId());
            projected(event, result.name().toLowerCase());
            if (result == PatientOutcomeStore.Result.APPLIED) {
                freshness.record(Duration.between(event.recordedAt(), clock.instant()));
            }
            // ids only: the line carries the trace id of the request that accepted the write
            trace.inTraceOf(
                    read.record(),
                    () -> log.debug(
                            "Projected {} {} for {}: {}", event.type(), event.eventId(), event.patientId(), result));
        }
        // waits for each send: a failure retries the batch, whose good events are then duplicates
        poison.forEach((record, why) -> {
            deadLetters.accept(record, null, why);
            // counted once sent: a send that fails is tried again with the batch, and counted then
            meters.counter("footdrop.dlq.records", "reason", why.reason().name(), "topic", record.topic())
                    .increment();
        });
    }

    private void projected(EventEnvelope event, String result) {
        meters.counter(PROJECTED, "type", event.type(), "result", result).increment();
    }
}
