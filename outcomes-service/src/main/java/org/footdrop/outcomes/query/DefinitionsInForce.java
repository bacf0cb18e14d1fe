package org.footdrop.outcomes.query;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.footdrop.outcomes.derivation.OutcomeDefinitions;
import org.footdrop.outcomes.derivation.Window;

/**
 * The definitions and thresholds behind every figure of a response, and the caveat that the
 * figures are observational and unadjusted.
 */
public record DefinitionsInForce(
        String clinicZone,
        String dayZero,
        String baseline,
        List<WindowDefinition> windows,
        Map<String, BigDecimal> responderThresholds,
        String change,
        String timeToResponse,
        String assessmentsUsed,
        String followUp,
        int minimumGroupSize,
        String caveat) {

    record WindowDefinition(Window window, int targetDay, int firstDay, int lastDay) {}

    static final String CAVEAT = "Observational and unadjusted: these figures describe the patients treated here "
            + "and are not evidence that a treatment caused a change; groups differ in ways not adjusted for.";

    public static DefinitionsInForce of(OutcomeDefinitions d, ZoneId clinicZone) {
        return new DefinitionsInForce(
                clinicZone.getId(),
                "the calendar date of the patient's first non-voided injection",
                "the latest value on days " + d.baselineFromDay() + ".." + d.baselineToDay() + " (inclusive)",
                Arrays.stream(Window.values())
                        .map(w -> new WindowDefinition(w, w.targetDay(), w.firstDay(), w.lastDay()))
                        .toList(),
                d.thresholds(),
                "window value minus baseline; MRC as integer grades (modifiers dropped); responder when the "
                        + "improvement is at least the threshold, compared exactly (inclusive)",
                "days from day 0 to the first assessment after day 0 meeting the threshold; otherwise censored at "
                        + "the last assessment after day 0; excluded without baseline or later assessment",
                "non-voided assessments of the index side (or BILATERAL); without a diagnosis, all sides",
                "DISCHARGED with a discharge assessment; LOST_TO_FOLLOW_UP when the last assessment (or, with none, "
                        + "the latest diagnosis or injection) is more than " + d.lostToFollowUpDays()
                        + " days before the as-of date; otherwise ACTIVE",
                d.minimumGroupSize(),
                CAVEAT);
    }
}
