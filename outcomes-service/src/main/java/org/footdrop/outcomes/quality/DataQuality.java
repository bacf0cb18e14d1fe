package org.footdrop.outcomes.quality;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.footdrop.contract.intake.Assessment;
import org.footdrop.contract.treatment.Injection;
import org.footdrop.contract.vocabulary.CauseCategory;
import org.footdrop.contract.vocabulary.InjectionTechnique;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.outcomes.derivation.PatientOutcome;
import org.footdrop.outcomes.projection.PatientFacts;
import org.footdrop.outcomes.projection.RecordFacts;

/** Which checks one patient's records fail; a pure function of the facts and the outcome. */
public final class DataQuality {

    private DataQuality() {}

    /**
     * @param diagnosisGrace how long events may wait for their diagnosis
     * @param lateEntry how long after it happened a record may be entered live (a record a bulk
     *     import brought in is never late)
     * @param clinicZone where assessment times become calendar dates, as in the outcomes
     */
    public static Set<DataQualityCheck> of(
            PatientFacts facts,
            PatientOutcome outcome,
            Instant now,
            Duration diagnosisGrace,
            Duration lateEntry,
            ZoneId clinicZone) {
        Set<DataQualityCheck> failed = EnumSet.noneOf(DataQualityCheck.class);
        Instant firstRecorded = facts.all().stream()
                .map(RecordFacts::recordedAt)
                .filter(java.util.Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(null);
        if (outcome.diagnosisPending()
                && firstRecorded != null
                && firstRecorded.plus(diagnosisGrace).isBefore(now)) {
            failed.add(DataQualityCheck.DIAGNOSIS_MISSING);
        }
        if (outcome.currentDiagnosis() != null) {
            Side side = outcome.currentDiagnosis().diagnosis().side();
            CauseCategory cause = outcome.currentDiagnosis().diagnosis().causeCategory();
            for (RecordFacts<?> record : facts.injections()) {
                if (!record.counts()) {
                    continue;
                }
                Injection injection = record.state(Injection.class);
                if (side != Side.BILATERAL && injection.side() != Side.BILATERAL && injection.side() != side) {
                    failed.add(DataQualityCheck.INJECTION_SIDE_MISMATCH);
                }
                // Epidurals reach the spinal nerve roots: no use for a lesion at the fibular head.
                if (injection.technique() != InjectionTechnique.NERVE_HYDRODISSECTION
                        && cause == CauseCategory.FIBULAR_NERVE_AT_KNEE) {
                    failed.add(DataQualityCheck.TECHNIQUE_INCONSISTENT_WITH_CAUSE);
                }
            }
        }
        if (outcome.dayZero() != null && outcome.measures().values().stream().allMatch(m -> m.baseline() == null)) {
            failed.add(DataQualityCheck.MISSING_BASELINE);
        }
        if (assessedBeforeOnset(facts, outcome, clinicZone)) {
            failed.add(DataQualityCheck.ASSESSMENT_BEFORE_ONSET);
        }
        // Live data entry only: what an import brings in is history, entered late by nature.
        boolean late = facts.all().stream()
                .anyMatch(r -> !r.imported()
                        && r.occurredAt() != null
                        && r.recordedAt() != null
                        && Duration.between(r.occurredAt(), r.recordedAt()).compareTo(lateEntry) > 0);
        if (late) {
            failed.add(DataQualityCheck.LATE_ENTERED);
        }
        return failed;
    }

    /**
     * The write side refuses such an assessment only when the diagnosis is already there; one that
     * arrived first was accepted, so the check flags either order.
     */
    private static boolean assessedBeforeOnset(PatientFacts facts, PatientOutcome outcome, ZoneId clinicZone) {
        LocalDate onset = outcome.currentDiagnosis() == null
                ? null
                : outcome.currentDiagnosis().diagnosis().symptomOnsetDate();
        if (onset == null) {
            return false;
        }
        return facts.assessments().stream()
                .filter(RecordFacts::counts)
                .map(record -> record.state(Assessment.class))
                .anyMatch(a -> a.assessedAt().atZone(clinicZone).toLocalDate().isBefore(onset));
    }
}
