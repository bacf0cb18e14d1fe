package org.footdrop.outcomes.derivation;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.footdrop.contract.intake.Measure;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outcome definitions in force (defaults as in docs/outcome-definitions.md, all
 * configurable under {@code footdrop.outcomes}; the clinic's time zone is {@code footdrop.clinic-zone},
 * the one every service reads); every outcomes response states them.
 *
 * @param baselineFromDay first day (relative to day 0) an assessment counts as baseline
 * @param baselineToDay last such day
 * @param thresholds responder thresholds by measure wire name (improvement of at least)
 * @param lostToFollowUpDays no assessment for more than this many days: lost to follow-up
 * @param minimumGroupSize cohort groups smaller than this are suppressed
 */
@ConfigurationProperties("footdrop.outcomes")
public record OutcomeDefinitions(
        Integer baselineFromDay,
        Integer baselineToDay,
        Map<String, BigDecimal> thresholds,
        Integer lostToFollowUpDays,
        Integer minimumGroupSize) {

    public OutcomeDefinitions {
        baselineFromDay = Objects.requireNonNullElse(baselineFromDay, -28);
        baselineToDay = Objects.requireNonNullElse(baselineToDay, 0);
        Map<String, BigDecimal> merged = new java.util.LinkedHashMap<>();
        for (Measure measure : Measure.values()) {
            merged.put(
                    measure.wireName(),
                    thresholds != null && thresholds.containsKey(measure.wireName())
                            ? thresholds.get(measure.wireName())
                            : measure.defaultThreshold());
        }
        thresholds = Map.copyOf(merged);
        lostToFollowUpDays = Objects.requireNonNullElse(lostToFollowUpDays, 90);
        minimumGroupSize = Objects.requireNonNullElse(minimumGroupSize, 5);
    }

    public static OutcomeDefinitions defaults() {
        return new OutcomeDefinitions(null, null, null, null, null);
    }

    public BigDecimal threshold(Measure measure) {
        return thresholds.get(measure.wireName());
    }

    public Map<Measure, BigDecimal> thresholdsByMeasure() {
        Map<Measure, BigDecimal> byMeasure = new EnumMap<>(Measure.class);
        for (Measure measure : Measure.values()) {
            byMeasure.put(measure, threshold(measure));
        }
        return byMeasure;
    }
}
