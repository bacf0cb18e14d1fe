package org.footdrop.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.footdrop.contract.PoisonEventException.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class GoldenSampleContractTest {

    private final EventSchemas schemas = new EventSchemas();
    private final EventCodec codec = new EventCodec();

    static Stream<EventType> everyType() {
        return Arrays.stream(EventType.values());
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void shouldValidateEveryGoldenSampleAgainstItsSchema(EventType type) {
        // given
        String sample = GoldenSamples.read(type, EventType.CURRENT_VERSION);

        // when
        var violations = schemas.violations(type, EventType.CURRENT_VERSION, sample);

        // then
        assertThat(violations).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void shouldRoundTripEveryGoldenSampleUnchanged(EventType type) {
        // given
        String sample = GoldenSamples.read(type, EventType.CURRENT_VERSION);

        // when
        EventEnvelope event = codec.decode(sample.getBytes(StandardCharsets.UTF_8));
        byte[] written = codec.encode(event);

        // then
        assertThat(event.eventType()).isEqualTo(type);
        assertThat(event.payload()).isInstanceOf(type.payloadType());
        assertThat(tree(written)).isEqualTo(tree(sample.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void shouldTolerateUnknownFieldsInEnvelopeAndPayload(EventType type) {
        // given
        String sample = GoldenSamples.read(type, EventType.CURRENT_VERSION);
        ObjectNode extended = (ObjectNode) tree(sample.getBytes(StandardCharsets.UTF_8));
        extended.put("addedInALaterMinorRelease", "x");
        ((ObjectNode) extended.get("payload")).put("anotherNewField", 42);

        // when
        EventEnvelope event = codec.decode(EventJson.mapper().writeValueAsBytes(extended));

        // then
        assertThat(event).isEqualTo(codec.decode(sample.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void shouldRejectSampleWhoseRecordIdFieldIsRenamed(EventType type) {
        // given a producer that renamed the record id field of the payload
        ObjectNode event = (ObjectNode) tree(GoldenSamples.read(type, 1).getBytes(StandardCharsets.UTF_8));
        ObjectNode payload = (ObjectNode) event.get("payload");
        String idField = payload.propertyNames().iterator().next();
        payload.set(idField + "Renamed", payload.remove(idField));

        // when / then
        assertThatThrownBy(() -> codec.decode(EventJson.mapper().writeValueAsBytes(event)))
                .isInstanceOfSatisfying(
                        PoisonEventException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void shouldKeepTypeNamesStableAndUnlikeClassNames(EventType type) {
        assertThat(type.wireName())
                .matches("(intake|treatment)\\.[a-z]+(-[a-z]+)+")
                .doesNotContain(type.payloadType().getSimpleName());
        assertThat(type.wireName())
                .startsWith(type.topic().substring(0, type.topic().indexOf('.')));
    }

    private static JsonNode tree(byte[] json) {
        return EventJson.mapper().readTree(json);
    }
}
