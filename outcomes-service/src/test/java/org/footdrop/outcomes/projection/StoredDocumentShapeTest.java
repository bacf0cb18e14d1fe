package org.footdrop.outcomes.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.EventType;
import org.footdrop.contract.GoldenSamples;
import org.junit.jupiter.api.Test;

/**
 * The projection's stored document keeps its shape: {@code stored-patient-document.json} is one
 * patient's document as the store holds it, written from every golden sample (ids, instants and
 * dates as strings, decimals as Decimal128, no type key). Documents already stored must keep
 * reading, and new events must be stored the same way, whatever maps payloads to BSON.
 */
class StoredDocumentShapeTest {

    private static final EventCodec CODEC = new EventCodec();

    @Test
    void shouldStoreEveryEventTypeInTheShapeOfTheDocumentsAlreadyStored() throws IOException {
        // given the document as stored
        Document stored = Document.parse(storedDocument());

        // when every golden sample's fields are set on a new document
        Document written = new Document("_id", stored.get("_id"));
        for (EventType type : EventType.values()) {
            PatientProjector.fieldsFor(golden(type)).forEach((path, value) -> set(written, path, value));
        }

        // then the BSON is the same, value types included
        assertThat(asStored(written)).isEqualTo(stored);
    }

    @Test
    void shouldReadTheDocumentsAlreadyStored() throws IOException {
        // given the document as stored
        Document stored = Document.parse(storedDocument());

        // when it is read
        PatientFacts facts = PatientFacts.from(stored);

        // then each record's latest revision is the golden payload, and the voids are kept
        assertThat(facts.patientId())
                .isEqualTo(golden(EventType.DIAGNOSIS_RECORDED).patientId());
        assertThat(facts.appliedEvents()).isEqualTo(EventType.values().length);
        assertLatest(facts.diagnoses(), EventType.DIAGNOSIS_AMENDED, true);
        assertLatest(facts.assessments(), EventType.ASSESSMENT_AMENDED, true);
        assertLatest(facts.injections(), EventType.INJECTION_AMENDED, true);
        assertLatest(facts.therapies(), EventType.THERAPY_AMENDED, true);
        assertLatest(facts.therapySessions(), EventType.THERAPY_SESSION_LOGGED, false);
    }

    private static void assertLatest(List<? extends RecordFacts<?>> records, EventType latest, boolean voided) {
        EventEnvelope event = golden(latest);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.recordId()).isEqualTo(event.payload().recordId());
            assertThat(record.latest()).isEqualTo(event.payload());
            assertThat(record.occurredAt()).isEqualTo(event.occurredAt());
            assertThat(record.recordedAt()).isEqualTo(event.recordedAt());
            assertThat(record.voided()).isEqualTo(voided);
            assertThat(record.revision()).isEqualTo(voided ? 3 : event.payload().revision());
        });
    }

    private static EventEnvelope golden(EventType type) {
        return CODEC.decode(GoldenSamples.read(type, 1).getBytes(StandardCharsets.UTF_8));
    }

    /** What {@code $set} of a dotted path does. */
    private static void set(Document document, String path, Object value) {
        String[] keys = path.split("\\.");
        Document parent = document;
        for (int i = 0; i < keys.length - 1; i++) {
            Object child = parent.get(keys[i]);
            if (!(child instanceof Document)) {
                child = new Document();
                parent.put(keys[i], child);
            }
            parent = (Document) child;
        }
        parent.put(keys[keys.length - 1], value);
    }

    /** Through the BSON codecs and back, as the store would hand it back: Java types compared exactly. */
    private static Document asStored(Document document) {
        return Document.parse(document.toJson(
                JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build()));
    }

    private static String storedDocument() throws IOException {
        try (InputStream in = StoredDocumentShapeTest.class.getResourceAsStream("stored-patient-document.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
