package org.footdrop.treatment.injection;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.footdrop.contract.vocabulary.Spacing;

/**
 * Typical but not mandatory: values outside them are accepted and answered with warnings, since a
 * clinician may have good reason (docs/integrating.md: sessions 20-60 minutes, 2 to 6 weeks apart).
 */
final class InjectionWarnings {

    private InjectionWarnings() {}

    /**
     * @param others the patient's other non-voided injections (not this one)
     */
    static List<String> of(
            InjectionState injection, List<InjectionState> others, InjectionLimits limits, ZoneId clinicZone) {
        List<String> warnings = new ArrayList<>();
        if (!limits.typicalDurationMinutes().contains(BigDecimal.valueOf(injection.durationMinutes()))) {
            warnings.add("durationMinutes: " + injection.durationMinutes() + " minutes is outside the typical "
                    + limits.typicalDurationMinutes() + " minutes");
        }
        var day = injection.administeredAt().atZone(clinicZone).toLocalDate();
        others.stream()
                .mapToLong(other -> Math.abs(ChronoUnit.DAYS.between(
                        day, other.administeredAt().atZone(clinicZone).toLocalDate())))
                .min()
                .stream()
                .filter(days -> Spacing.of(days) == Spacing.EARLY) // the series' own bound, one definition
                .forEach(days -> warnings.add("administeredAt: " + days + " days from the patient's nearest other "
                        + "injection; the series is typically spaced at least " + Spacing.WINDOW_START_DAYS
                        + " days apart"));
        if (InjectionRules.isEpidural(injection.technique())) {
            var windowStart = day.minusDays(limits.epiduralWindowDays());
            long epidurals = 1
                    + others.stream()
                            .filter(other -> InjectionRules.isEpidural(other.technique()))
                            .map(other ->
                                    other.administeredAt().atZone(clinicZone).toLocalDate())
                            .filter(d -> d.isAfter(windowStart) && !d.isAfter(day))
                            .count();
            if (epidurals > limits.maximumEpiduralsPerWindow()) {
                warnings.add("technique: " + epidurals + " epidural sessions within " + limits.epiduralWindowDays()
                        + " days; typically at most " + limits.maximumEpiduralsPerWindow());
            }
        }
        injection.cptCodes().stream()
                .filter(code -> !InjectionRules.KNOWN_CPT.contains(code))
                .forEach(code -> warnings.add("cptCodes: " + code + " is well-formed but not a procedure code "
                        + "this service knows; it was accepted as given"));
        return warnings;
    }
}
