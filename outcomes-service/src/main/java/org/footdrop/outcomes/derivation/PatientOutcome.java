package org.footdrop.outcomes.derivation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.footdrop.contract.intake.Diagnosis;
import org.footdrop.contract.treatment.AdverseEvent;
import org.footdrop.contract.vocabulary.InjectionTechnique;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.contract.vocabulary.Solution;
import org.footdrop.contract.vocabulary.Spacing;
import org.footdrop.contract.vocabulary.TherapyType;

/**
 * Everything derived for one patient from the facts of the projection, by the definitions in
 * force. Computed, never stored: it cannot go stale relative to the facts.
 *
 * @param dayZero the date of the first non-voided injection; null before any
 * @param seriesAdherence null with fewer than two injections (in no adherence group)
 * @param measures by measure wire name
 */
public record PatientOutcome(
        String patientId,
        boolean diagnosisPending,
        CurrentDiagnosis currentDiagnosis,
        LocalDate dayZero,
        Long symptomDurationDays,
        DurationBand symptomDurationBand,
        List<SeriesEntry> injections,
        SolutionGroup solutionGroup,
        InjectionTechnique techniqueGroup,
        SeriesAdherence seriesAdherence,
        List<TherapyExposure> therapies,
        FollowUpStatus followUpStatus,
        Map<String, MeasureOutcome> measures) {

    /** @param indexSide the side whose assessments the statistics use */
    public record CurrentDiagnosis(UUID diagnosisId, int revision, Side indexSide, Diagnosis diagnosis) {}

    /** @param day days from day 0; intervalDays and spacing from the 2nd injection on */
    public record SeriesEntry(
            UUID injectionId,
            int nth,
            LocalDate date,
            long day,
            InjectionTechnique technique,
            Solution solution,
            Long intervalDays,
            Spacing spacing,
            List<AdverseEvent> adverseEvents) {}

    public enum SolutionGroup {
        DEXTROSE_5,
        PRP,
        MIXED
    }

    /** ADHERENT when every interval is IN_WINDOW. */
    public enum SeriesAdherence {
        ADHERENT,
        NON_ADHERENT
    }

    public enum FollowUpStatus {
        ACTIVE,
        DISCHARGED,
        LOST_TO_FOLLOW_UP
    }

    /** Symptom duration at the first injection: a known prognostic factor. */
    public enum DurationBand {
        UNDER_90_DAYS,
        DAYS_90_TO_365,
        OVER_365_DAYS
    }

    /** @param adherence attended / planned sessions */
    public record TherapyExposure(
            UUID therapyId, TherapyType type, int plannedSessions, int attendedSessions, BigDecimal adherence) {}

    /**
     * @param baseline the latest value on days -28..0, or null (then no change, responder or time)
     * @param windows each window's value closest to its target day
     * @param timeToResponse null when excluded, with the reason in {@code exclusion}
     * @param values every assessed value of the measure (index side) by day from day 0, in time
     *     order; empty without a day 0
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record MeasureOutcome(
            Observation baseline,
            Map<Window, WindowOutcome> windows,
            TimeToResponse timeToResponse,
            Exclusion exclusion,
            List<Observation> values) {}

    /** Why a measure has no change, responder status or time to response: a code to branch on, and words. */
    public record Exclusion(ExclusionCode code, String reason) {}

    public enum ExclusionCode {
        /** No non-voided injection: no day 0. */
        NO_DAY_0,
        /** No value on the baseline days. */
        NO_BASELINE,
        /** A baseline, but no value after day 0 (excluded from time to response only). */
        NO_ASSESSMENT_AFTER_DAY_0
    }

    /** One assessed value: as recorded, and the day (relative to day 0) it was taken. */
    public record Observation(Object value, long day, UUID assessmentId) {}

    /**
     * @param change window value minus baseline (MRC: integer grades), null without a baseline
     * @param responder improvement of at least the threshold, null without a baseline
     * @param injectionsReceived injections given on or before the day of this value
     */
    public record WindowOutcome(Observation value, BigDecimal change, Boolean responder, int injectionsReceived) {}

    /** @param responded false: censored at {@code days} (the last assessment after day 0) */
    public record TimeToResponse(long days, boolean responded) {}
}
