package org.footdrop.outcomes.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.PoisonEventException;
import org.footdrop.outcomes.cohort.CohortTable;
import org.footdrop.outcomes.projection.PatientOutcomeStore;
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

    private final EventReader reader;
    private final PatientOutcomeStore store;
    private final CohortTable cohort;
    private final MeterRegistry meters;

    EventProjection(EventReader reader, PatientOutcomeStore store, CohortTable cohort, MeterRegistry meters) {
        this.reader = reader;
        this.store = store;
        this.cohort = cohort;
        this.meters = meters;
    }

    void project(Message<byte[]> message) {
        Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        EventEnvelope event = reader.read(key instanceof byte[] bytes ? bytes : null, message.getPayload());
        PatientOutcomeStore.Result result = store.apply(event);
        cohort.changed(event.patientId());
        meters.counter("footdrop.projection.applied", "type", event.type(),
                "result", result.name().toLowerCase()).increment();
    }
}
