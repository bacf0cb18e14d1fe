package org.footdrop.outcomes.testing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.footdrop.contract.CloudEventHeaders;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.EventJson;
import org.footdrop.contract.EventType;
import org.footdrop.contract.GoldenSamples;
import org.footdrop.support.testing.TopicProbe;
import tools.jackson.databind.node.ObjectNode;

/** Puts a golden sample event, re-addressed to a patient under a fresh event id, on its real topic. */
public final class GoldenEvents {

    private final String brokers;
    private final EventCodec codec;

    public GoldenEvents(String brokers, EventCodec codec) {
        this.brokers = brokers;
        this.codec = codec;
    }

    public void publish(String patientId, EventType type) {
        ObjectNode sample = (ObjectNode) EventJson.mapper().readTree(GoldenSamples.read(type, 1));
        sample.put("patientId", patientId);
        sample.put("eventId", UUID.randomUUID().toString());
        EventEnvelope event = codec.decode(sample.toString().getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> headers = new LinkedHashMap<>();
        CloudEventHeaders.of(event).forEach((k, v) -> headers.put(k, v.getBytes(StandardCharsets.UTF_8)));
        TopicProbe.send(
                brokers, type.topic(), patientId.getBytes(StandardCharsets.UTF_8), codec.encode(event), headers);
    }
}
