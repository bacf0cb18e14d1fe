package org.footdrop.outcomes.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Kaplan-Meier estimate of "not yet responded" (docs/outcome-definitions.md), with Greenwood's variance; events come before
 * censorings at tied times. The median is the first day with S(t) <= 0.5 (no averaging), its 95%
 * interval by Brookmeyer-Crowley on the linear scale: the first days with S - z*se <= 0.5 and with
 * S + z*se <= 0.5, null where not reached. Every comparison with 1/2 is exact ({@link
 * ExactSurvival}). Each step's pointwise 95% limits are S -/+ z*se, clipped to [0, 1]. Written
 * here: Hipparchus has no survival analysis.
 */
public final class KaplanMeier {

    /** One patient: the day of the response (event) or of censoring. */
    public record Observation(long day, boolean event) {}

    /** A row per day with an event or a censoring; survival and its limits at full precision. */
    public record Step(
            long day,
            int atRisk,
            int events,
            int censored,
            double survival,
            double standardError,
            double lower,
            double upper) {}

    /**
     * @param events patients who responded
     * @param censored patients censored without a response
     */
    public record Curve(
            List<Step> steps, int events, int censored, Long medianDay, Long medianLower, Long medianUpper) {}

    private KaplanMeier() {}

    public static Curve estimate(List<Observation> observations) {
        TreeMap<Long, int[]> byDay = new TreeMap<>();
        for (Observation o : observations) {
            int[] counts = byDay.computeIfAbsent(o.day(), d -> new int[2]);
            counts[o.event() ? 0 : 1]++;
        }
        List<Step> steps = new ArrayList<>();
        ExactSurvival exact = new ExactSurvival();
        int atRisk = observations.size();
        double survival = 1;
        double greenwood = 0;
        int totalEvents = 0;
        Long median = null;
        Long lower = null;
        Long upper = null;
        for (var entry : byDay.entrySet()) {
            int events = entry.getValue()[0];
            int censored = entry.getValue()[1];
            if (events > 0) {
                exact.events(atRisk, events);
                survival = exact.survival();
                greenwood += atRisk > events ? (double) events / ((double) atRisk * (atRisk - events)) : 0;
                totalEvents += events;
            }
            double se = survival * Math.sqrt(greenwood);
            long day = entry.getKey();
            steps.add(new Step(
                    day,
                    atRisk,
                    events,
                    censored,
                    survival,
                    se,
                    Math.max(0, survival - Summaries.Z * se),
                    Math.min(1, survival + Summaries.Z * se)));
            if (events > 0) {
                if (median == null && exact.atOrBelowHalf()) {
                    median = day;
                }
                if (lower == null && exact.lowerLimitAtOrBelowHalf(survival, se)) {
                    lower = day;
                }
                if (upper == null && exact.upperLimitAtOrBelowHalf(survival, se)) {
                    upper = day;
                }
            }
            atRisk -= events + censored;
        }
        return new Curve(steps, totalEvents, observations.size() - totalEvents, median, lower, upper);
    }
}
