package org.footdrop.treatment.injection;

import java.math.BigDecimal;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clinic's limits for injections, all configurable ({@code footdrop.injection}). Volumes per
 * technique and the procedure duration are hard limits; typical values only produce warnings.
 */
@ConfigurationProperties("footdrop.injection")
public record InjectionLimits(
        Range hydrodissectionVolumeMl,
        Range caudalVolumeMl,
        Range transforaminalVolumeMl,
        Range durationMinutes,
        Range typicalDurationMinutes,
        Integer maximumEpiduralsPerWindow,
        Integer epiduralWindowDays) {

    public record Range(BigDecimal min, BigDecimal max) {

        public boolean contains(BigDecimal value) {
            return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
        }

        @Override
        public String toString() {
            return min.stripTrailingZeros().toPlainString() + "-"
                    + max.stripTrailingZeros().toPlainString();
        }
    }

    public InjectionLimits {
        hydrodissectionVolumeMl = or(hydrodissectionVolumeMl, "1", "40");
        caudalVolumeMl = or(caudalVolumeMl, "5", "40");
        transforaminalVolumeMl = or(transforaminalVolumeMl, "0.5", "10");
        durationMinutes = or(durationMinutes, "1", "240");
        typicalDurationMinutes = or(typicalDurationMinutes, "20", "60");
        maximumEpiduralsPerWindow = Objects.requireNonNullElse(maximumEpiduralsPerWindow, 3);
        epiduralWindowDays = Objects.requireNonNullElse(epiduralWindowDays, 182);
    }

    public static InjectionLimits defaults() {
        return new InjectionLimits(null, null, null, null, null, null, null);
    }

    private static Range or(Range given, String min, String max) {
        return given != null ? given : new Range(new BigDecimal(min), new BigDecimal(max));
    }
}
