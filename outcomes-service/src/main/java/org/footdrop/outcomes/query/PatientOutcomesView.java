package org.footdrop.outcomes.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.footdrop.contract.EventPayload;
import org.footdrop.contract.intake.Diagnosis;
import org.footdrop.contract.intake.DiagnosisAmended;
import org.footdrop.contract.intake.DiagnosisRecorded;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.outcomes.projection.PatientFacts;
import org.footdrop.outcomes.projection.RecordFacts;

/**
 * One patient's longitudinal outcome document as clinicians read it: derived from the stored
 * facts at read time, so it can never be stale relative to them.
 *
 * @param diagnosisPending events arrived for the patient but no (non-voided) diagnosis yet
 */
record PatientOutcomesView(
        String patientId,
        boolean diagnosisPending,
        CurrentDiagnosis currentDiagnosis,
        List<RecordSummary> records,
        int appliedEvents,
        Instant asOf) {

    /** @param indexSide the side whose assessments the statistics use */
    record CurrentDiagnosis(UUID diagnosisId, int revision, Side indexSide, Diagnosis diagnosis) {
    }

    record RecordSummary(String kind, UUID recordId, int revision, boolean voided) {
    }

    static PatientOutcomesView of(PatientFacts facts, Instant asOf) {
        Optional<CurrentDiagnosis> current = currentDiagnosis(facts.diagnoses());
        List<RecordSummary> records = Stream.of(
                        summaries("DIAGNOSIS", facts.diagnoses()),
                        summaries("ASSESSMENT", facts.assessments()),
                        summaries("INJECTION", facts.injections()),
                        summaries("THERAPY", facts.therapies()),
                        summaries("THERAPY_SESSION", facts.therapySessions()))
                .flatMap(s -> s)
                .toList();
        return new PatientOutcomesView(facts.patientId(), current.isEmpty(), current.orElse(null), records,
                facts.appliedEvents(), asOf);
    }

    /** The latest non-voided diagnosis by diagnosis date; on a tie, the later recorded, then the id. */
    static Optional<CurrentDiagnosis> currentDiagnosis(List<? extends RecordFacts<?>> diagnoses) {
        return diagnoses.stream()
                .filter(RecordFacts::counts)
                .max(Comparator.<RecordFacts<?>, LocalDate>comparing(r -> diagnosis(r).diagnosisDate())
                        .thenComparing(r -> r.recordedAt() == null ? Instant.MIN : r.recordedAt())
                        .thenComparing(r -> r.recordId().toString()))
                .map(r -> {
                    Diagnosis d = diagnosis(r);
                    Side index = d.side() == Side.BILATERAL ? d.indexSide() : d.side();
                    return new CurrentDiagnosis(r.recordId(), r.revision(), index, d);
                });
    }

    private static Diagnosis diagnosis(RecordFacts<?> record) {
        EventPayload payload = record.latest();
        if (payload instanceof DiagnosisRecorded recorded) {
            return recorded.diagnosis();
        }
        return ((DiagnosisAmended) payload).diagnosis();
    }

    private static Stream<RecordSummary> summaries(String kind, List<? extends RecordFacts<?>> records) {
        return records.stream().map(r -> new RecordSummary(kind, r.recordId(), r.revision(), r.voided()));
    }
}
