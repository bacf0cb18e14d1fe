package org.footdrop.outcomes.query;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.footdrop.contract.RecordType;
import org.footdrop.outcomes.derivation.PatientOutcome;
import org.footdrop.outcomes.projection.PatientFacts;
import org.footdrop.outcomes.projection.RecordFacts;

/**
 * One patient's longitudinal outcome document as clinicians read it: the derived outcome, the
 * records it rests on, and the definitions in force with an as-of time.
 */
record PatientOutcomesView(
        @JsonUnwrapped PatientOutcome outcome,
        List<RecordSummary> records,
        int appliedEvents,
        Instant asOf,
        DefinitionsInForce definitions) {

    /**
     * @param importJob the bulk import that brought the record's latest revision in; absent for a
     *     live write, the only way to tell imported records apart
     */
    record RecordSummary(RecordType kind, UUID recordId, int revision, boolean voided, String importJob) {}

    static PatientOutcomesView of(
            PatientFacts facts, PatientOutcome outcome, Instant asOf, DefinitionsInForce definitions) {
        List<RecordSummary> records = Stream.of(
                        summaries(RecordType.DIAGNOSIS, facts.diagnoses()),
                        summaries(RecordType.ASSESSMENT, facts.assessments()),
                        summaries(RecordType.INJECTION, facts.injections()),
                        summaries(RecordType.THERAPY, facts.therapies()),
                        summaries(RecordType.THERAPY_SESSION, facts.therapySessions()))
                .flatMap(s -> s)
                .toList();
        return new PatientOutcomesView(outcome, records, facts.appliedEvents(), asOf, definitions);
    }

    private static Stream<RecordSummary> summaries(RecordType kind, List<? extends RecordFacts<?>> records) {
        return records.stream()
                .map(r -> new RecordSummary(kind, r.recordId(), r.revision(), r.voided(), r.importJob()));
    }
}
