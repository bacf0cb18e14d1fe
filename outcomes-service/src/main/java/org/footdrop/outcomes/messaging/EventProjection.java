package org.footdrop.outcomes.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.PoisonEventException;
import org.footdrop.outcomes.cohort.CohortTable;
import org.footdrop.outcomes.projection.PatientOutcomeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Reads one record and applies it. A record that can never be read throws
 * {@link PoisonEventException} (dead-lettered at once); anything else that fails, such as the store
 * being away, propagates and is retried without limit. Nothing is caught and logged here: that
 * would silently defeat both.
 */
@Component
class EventProjection {

    static final String PROJECTED = "footdrop.events.projected";
    private static final Logger log = LoggerFactory.getLogger(EventProjection.class);

    private final EventReader reader;
    private final PatientOutcomeStore store;
    private final CohortTable cohort;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Timer freshness;

    EventProjection(EventReader reader, PatientOutcomeStore store, CohortTable cohort, MeterRegistry meters,
            Clock clock) {
        this.reader = reader;
        this.store = store;
        this.cohort = cohort;
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

    void project(Message<byte[]> message) {
        Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        EventEnvelope event = reader.read(key instanceof byte[] bytes ? bytes : null, message.getPayload());
        PatientOutcomeStore.Result result;
        try {
            result = store.apply(event);
        } catch (RuntimeException e) {
            projected(event, "failed");
            throw e;
        }
        cohort.changed(event.patientId());
        projected(event, result.name().toLowerCase());
        // ids only: the line carries the trace id of the request that accepted the write
        log.debug("Projected {} {} for {}: {}", event.type(), event.eventId(), event.patientId(), result);
        if (result == PatientOutcomeStore.Result.APPLIED) {
            freshness.record(Duration.between(event.recordedAt(), clock.instant()));
        }
    }

    private void projected(EventEnvelope event, String result) {
        meters.counter(PROJECTED, "type", event.type(), "result", result).increment();
    }
}
