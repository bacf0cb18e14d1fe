package org.footdrop.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.footdrop.contract.PoisonEventException.Reason;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class EventCodecPoisonTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void shouldCallMalformedJsonUnparseable() {
        assertReason("{\"eventId\": ", Reason.UNPARSEABLE);
        assertReason("[1,2,3]", Reason.UNPARSEABLE);
        assertReason("", Reason.UNPARSEABLE);
    }

    @Test
    void shouldCallUnknownTypeUnknown() {
        ObjectNode event = sample(EventType.DIAGNOSIS_RECORDED);
        event.put("type", "intake.diagnosis-teleported");

        assertReason(event.toString(), Reason.UNKNOWN_TYPE);
    }

    @Test
    void shouldCallFutureSchemaVersionUnsupported() {
        ObjectNode event = sample(EventType.DIAGNOSIS_RECORDED);
        event.put("schemaVersion", 2);

        assertReason(event.toString(), Reason.UNSUPPORTED_VERSION);
    }

    @Test
    void shouldCallNonGradeMrcStringInvalid() {
        ObjectNode event = sample(EventType.ASSESSMENT_RECORDED);
        ((ObjectNode) event.get("payload").get("assessment").get("measures")).put("mrcAnkleDorsiflexion", "5+");

        assertReason(event.toString(), Reason.INVALID);
    }

    @Test
    void shouldCallMissingPatientIdInvalid() {
        ObjectNode event = sample(EventType.INJECTION_ADMINISTERED);
        event.remove("patientId");

        assertReason(event.toString(), Reason.INVALID);
    }

    @Test
    void shouldCallOperatorLookingPatientIdInvalid() {
        ObjectNode event = sample(EventType.INJECTION_ADMINISTERED);
        event.put("patientId", "{\"$ne\":null}");

        assertReason(event.toString(), Reason.INVALID);
    }

    @Test
    void shouldCallRecordOverTheLimitTooLarge() {
        ObjectNode event = sample(EventType.DIAGNOSIS_RECORDED);
        event.put("padding", "x".repeat(EventCodec.DEFAULT_MAX_EVENT_BYTES));

        assertReason(event.toString(), Reason.TOO_LARGE);
    }

    @Test
    void shouldWriteCloudEventsHeadersFromTheEnvelope() {
        EventEnvelope event =
                codec.decode(GoldenSamples.read(EventType.DIAGNOSIS_RECORDED, 1).getBytes(StandardCharsets.UTF_8));

        var headers = CloudEventHeaders.of(event);

        assertThat(headers)
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_id", "0b6f1c3e-5a4d-4c1e-9f7a-000000000001")
                .containsEntry("ce_type", "intake.diagnosis-recorded")
                .containsEntry("ce_source", "intake-service")
                .containsEntry("ce_time", "2026-03-02T00:00:00Z")
                .containsEntry("ce_subject", "fd-pt-000123")
                .containsEntry("ce_schemaversion", "1")
                .containsEntry("ce_recordedat", "2026-03-02T09:15:30.123Z")
                .containsEntry("ce_correlationid", "c0ffee00-0000-4000-8000-000000000001");
    }

    private void assertReason(String json, Reason reason) {
        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        PoisonEventException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static ObjectNode sample(EventType type) {
        return (ObjectNode) EventJson.mapper().readTree(GoldenSamples.read(type, 1));
    }
}
