package org.footdrop.webapp.cohort;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The time-to-response page, read from outcomes-service's Kaplan-Meier answer as it is: each group's
 * steps with their limits, medians with their intervals. The numbers at risk under the time axis are
 * read off the API's steps, not estimated: at day t they are the {@code atRisk} of the first step on
 * or after t (no one's time lies between t and that step), and none after the last step.
 *
 * @param ticks the days the time axis marks and the numbers at risk are given for
 */
public record SurvivalView(
        String asOf,
        String measure,
        List<String> groupBy,
        Figures.Count untreated,
        Figures.Count singleInjection,
        List<Curve> curves,
        List<Integer> ticks,
        int tickInterval,
        CohortReportView.Definitions definitions) {

    /** Ticks at a step from this list that gives at most this many intervals over the curves' days. */
    private static final int[] TICK_STEPS = {7, 14, 28, 42, 56, 84, 112, 168, 182, 364, 728};

    private static final int MAX_INTERVALS = 8;

    public record Step(
            String day,
            String atRisk,
            String events,
            String censored,
            String survival,
            String standardError,
            String lower,
            String upper) {

        public String shownSurvival() {
            return Figures.rounded(survival, 3);
        }

        public String shownLimits() {
            return lower == null || upper == null
                    ? "–"
                    : Figures.rounded(lower, 3) + " to " + Figures.rounded(upper, 3);
        }
    }

    /** One group's curve; for a suppressed group nothing but its labels. */
    public record Curve(
            CohortReportView.Group group,
            String nIncluded,
            String events,
            String censored,
            String medianDays,
            String medianLower,
            String medianUpper,
            List<Step> steps,
            List<String> atRiskAtTicks) {

        public String median() {
            return new CohortReportView.Survival(nIncluded, events, censored, medianDays, medianLower, medianUpper)
                    .median();
        }

        /** The element id of this group's table of steps. */
        public String elementId(int index) {
            return "curve-" + index;
        }
    }

    static SurvivalView of(JsonNode answer) {
        List<String> groupBy = new ArrayList<>();
        answer.path("groupBy").forEach(d -> groupBy.add(d.asString()));
        long lastDay = 0;
        for (JsonNode g : answer.path("groups")) {
            for (JsonNode s : g.path("steps")) {
                lastDay = Math.max(lastDay, s.path("day").asLong());
            }
        }
        int interval = tickInterval(lastDay);
        List<Integer> ticks = new ArrayList<>();
        // from day 0 to the first tick on or after the last step, so no step lies beyond the axis
        for (int day = 0; ; day += interval) {
            ticks.add(day);
            if (day >= lastDay) {
                break;
            }
        }
        List<Curve> curves = new ArrayList<>();
        for (JsonNode g : answer.path("groups")) {
            CohortReportView.Group group = CohortReportView.group(g, groupBy);
            if (group.suppressed()) {
                curves.add(new Curve(group, null, null, null, null, null, null, List.of(), List.of()));
                continue;
            }
            List<Step> steps = new ArrayList<>();
            for (JsonNode s : g.path("steps")) {
                steps.add(new Step(
                        Figures.text(s, "day"),
                        Figures.text(s, "atRisk"),
                        Figures.text(s, "events"),
                        Figures.text(s, "censored"),
                        Figures.text(s, "survival"),
                        Figures.text(s, "standardError"),
                        Figures.text(s, "lower"),
                        Figures.text(s, "upper")));
            }
            curves.add(new Curve(
                    group,
                    Figures.text(g, "nIncluded"),
                    Figures.text(g, "events"),
                    Figures.text(g, "censored"),
                    Figures.text(g, "medianDays"),
                    Figures.text(g, "medianLower"),
                    Figures.text(g, "medianUpper"),
                    steps,
                    atRisk(steps, ticks)));
        }
        return new SurvivalView(
                Figures.text(answer, "asOf"),
                Figures.text(answer, "measure"),
                groupBy,
                Figures.Count.of(answer.path("untreated")),
                Figures.Count.of(answer.path("singleInjection")),
                curves,
                ticks,
                interval,
                CohortReportView.definitions(answer.path("definitions")));
    }

    static int tickInterval(long lastDay) {
        for (int step : TICK_STEPS) {
            if (lastDay <= (long) step * MAX_INTERVALS) {
                return step;
            }
        }
        return TICK_STEPS[TICK_STEPS.length - 1];
    }

    /** The API's atRisk of the first step on or after each tick; 0 past the last step. */
    static List<String> atRisk(List<Step> steps, List<Integer> ticks) {
        List<String> atRisk = new ArrayList<>();
        for (int tick : ticks) {
            String found = "0";
            for (Step step : steps) {
                if (Long.parseLong(step.day()) >= tick) {
                    found = step.atRisk();
                    break;
                }
            }
            atRisk.add(found);
        }
        return atRisk;
    }
}
