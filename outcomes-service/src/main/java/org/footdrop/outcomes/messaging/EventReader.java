package org.footdrop.outcomes.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.PoisonEventException;
import org.footdrop.contract.PoisonEventException.Reason;
import org.springframework.stereotype.Component;

/**
 * Reads a record into an event, or says why it never can be. Poison is a property of the record's
 * bytes alone, so the error handler can ask again and get the same answer as the consumer.
 */
@Component
public class EventReader {

    private final EventCodec codec;

    EventReader(EventCodec codec) {
        this.codec = codec;
    }

    public EventEnvelope read(byte[] key, byte[] value) {
        EventEnvelope event = codec.decode(value);
        if (key != null && !Arrays.equals(key, event.patientId().getBytes(StandardCharsets.UTF_8))) {
            throw new PoisonEventException(Reason.INVALID, "record key is not the event's patientId");
        }
        return event;
    }

    Optional<Reason> poisonReason(Object key, Object value) {
        try {
            read(key instanceof byte[] k ? k : null, value instanceof byte[] v ? v : null);
            return Optional.empty();
        } catch (PoisonEventException e) {
            return Optional.of(e.reason());
        }
    }
}
