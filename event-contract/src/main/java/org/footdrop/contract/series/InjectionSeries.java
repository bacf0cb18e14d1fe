package org.footdrop.contract.series;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.footdrop.contract.vocabulary.Spacing;

/**
 * A patient's injection series, defined once for the write side and for outcomes: the non-voided
 * injections in administration order, then by when each was recorded, then by record id, so that
 * injections given at the same moment number the same everywhere; each with its nth, its calendar
 * date in the clinic's time zone, the calendar days since the previous one and that interval's
 * spacing.
 */
public final class InjectionSeries {

    /** What the series needs to know of an injection record. */
    public record Key(Instant administeredAt, Instant recordedAt, UUID recordId) {}

    /**
     * @param nth 1 for the first injection
     * @param intervalDays null for the first
     * @param spacing null for the first
     */
    public record Entry<T>(T injection, int nth, LocalDate date, Long intervalDays, Spacing spacing) {}

    private InjectionSeries() {}

    /** Administration time, then recording time (unknown first), then record id. */
    public static <T> Comparator<T> order(Function<T, Key> key) {
        return Comparator.comparing((T t) -> key.apply(t).administeredAt())
                .thenComparing(t -> key.apply(t).recordedAt(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(t -> key.apply(t).recordId().toString());
    }

    /** Numbers the injections (none of them voided) in series order. */
    public static <T> List<Entry<T>> number(Collection<T> injections, Function<T, Key> key, ZoneId clinicZone) {
        List<Entry<T>> series = new ArrayList<>();
        LocalDate previous = null;
        for (T injection : injections.stream().sorted(order(key)).toList()) {
            LocalDate date =
                    key.apply(injection).administeredAt().atZone(clinicZone).toLocalDate();
            Long interval = previous == null ? null : ChronoUnit.DAYS.between(previous, date);
            series.add(new Entry<>(
                    injection, series.size() + 1, date, interval, interval == null ? null : Spacing.of(interval)));
            previous = date;
        }
        return series;
    }
}
