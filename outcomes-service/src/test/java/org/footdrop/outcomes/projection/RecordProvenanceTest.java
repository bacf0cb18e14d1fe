package org.footdrop.outcomes.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.treatment.InjectionVoided;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.contract.vocabulary.Solution;
import org.footdrop.outcomes.derivation.PatientHistory;
import org.junit.jupiter.api.Test;

/**
 * A record's provenance in the projection: the envelope's importJob is filed with the revision an
 * import brought in, and nowhere for a live write, so documents stored before imports read as
 * live writes.
 */
class RecordProvenanceTest {

    private static final Instant GIVEN = Instant.parse("2019-03-02T10:00:00Z");
    private static final Instant IMPORTED = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void shouldKeepTheImportJobWithTheRevisionAnImportBroughtIn() {
        // given an injection a bulk import brought in, and a diagnosis entered live
        PatientHistory patient = new PatientHistory().diagnosis(Side.LEFT, null, "2019-02-20", null);
        UUID injection = UUID.randomUUID();
        patient.importedAt(
                new org.footdrop.contract.treatment.InjectionAdministered(
                        injection, 1, PatientHistory.injectionAt(GIVEN.toString(), Solution.PRP)),
                GIVEN,
                IMPORTED,
                "import-2026-06-01");

        // when
        PatientFacts facts = patient.facts();

        // then the injection carries its import job and the diagnosis none
        assertThat(facts.injections()).singleElement().satisfies(record -> {
            assertThat(record.recordId()).isEqualTo(injection);
            assertThat(record.importJob()).isEqualTo("import-2026-06-01");
            assertThat(record.imported()).isTrue();
        });
        assertThat(facts.diagnoses()).singleElement().satisfies(record -> {
            assertThat(record.importJob()).isNull();
            assertThat(record.imported()).isFalse();
        });
    }

    @Test
    void shouldSetNoProvenanceFieldForALiveWrite() {
        // given a live void and an imported one
        UUID record = UUID.randomUUID();
        EventEnvelope live = EventEnvelope.of(new InjectionVoided(record, 2), "pt-1", GIVEN, GIVEN, "test", null);
        EventEnvelope imported =
                EventEnvelope.of(new InjectionVoided(record, 2), "pt-1", GIVEN, IMPORTED, "test", null, "import-7");

        // when
        Document liveVoid = (Document) PatientProjector.fieldsFor(live).get("injections." + record + ".voided");
        Document importedVoid = (Document) PatientProjector.fieldsFor(imported).get("injections." + record + ".voided");

        // then a live write's fields are those written before imports existed
        assertThat(liveVoid.keySet()).containsExactly("revision", "eventId");
        assertThat(importedVoid.getString("importJob")).isEqualTo("import-7");
    }

    @Test
    void shouldReadADocumentStoredBeforeImportsAsLiveWrites() {
        // given a patient document in the shape stored before imports existed (no importJob anywhere)
        Document stored = Document.parse("""
                {"_id": "fd-pt-000123",
                 "diagnoses": {"5f0c2a9e-7b1d-4e8a-9c3f-2d6b8e4a1c70": {"revisions": {"r1": {
                   "eventId": "0b6f1c3e-5a4d-4c1e-9f7a-000000000001",
                   "type": "intake.diagnosis-recorded",
                   "occurredAt": "2026-03-02T00:00:00Z",
                   "recordedAt": "2026-03-02T09:15:30.123Z",
                   "payload": {"diagnosisId": "5f0c2a9e-7b1d-4e8a-9c3f-2d6b8e4a1c70", "revision": 1,
                     "diagnosis": {"birthYear": 1968, "sex": "FEMALE", "side": "LEFT",
                       "diagnosisDate": "2026-03-02", "symptomOnsetDate": "2025-11-20",
                       "causeCategory": "FIBULAR_NERVE_AT_KNEE", "spasticity": false}}}}}},
                 "appliedEvents": {"0b6f1c3e-5a4d-4c1e-9f7a-000000000001": "intake.diagnosis-recorded"}}
                """);

        // when
        PatientFacts facts = PatientFacts.from(stored);

        // then it reads as before, a live write
        assertThat(facts.diagnoses()).singleElement().satisfies(record -> {
            assertThat(record.counts()).isTrue();
            assertThat(record.recordedAt()).isEqualTo(Instant.parse("2026-03-02T09:15:30.123Z"));
            assertThat(record.importJob()).isNull();
        });
    }
}
