package org.footdrop.treatment.injection;

import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.footdrop.contract.vocabulary.Spacing;
import org.footdrop.support.record.RecordStatus;
import org.footdrop.support.record.StoredRecord;

/**
 * The patient's series, derived when read from the stored facts, so a backdated, amended or voided
 * injection renumbers it: the nth non-voided injection by administration time, the calendar days
 * (clinic time zone) since the previous one and the spacing of that interval.
 */
final class InjectionSeries {

    private InjectionSeries() {}

    /** @param nth null for a voided injection, which counts nowhere */
    record Entry(StoredRecord<InjectionRequest> injection, Integer nth, Long intervalDays, Spacing spacing) {}

    static List<Entry> of(List<StoredRecord<InjectionRequest>> injections, ZoneId clinicZone) {
        List<StoredRecord<InjectionRequest>> ordered = injections.stream()
                .sorted(Comparator.<StoredRecord<InjectionRequest>, java.time.Instant>comparing(
                                r -> r.state().administeredAt())
                        .thenComparing(StoredRecord::recordedAt)
                        .thenComparing(r -> r.id().toString()))
                .toList();
        List<Entry> series = new ArrayList<>();
        int nth = 0;
        StoredRecord<InjectionRequest> previous = null;
        for (StoredRecord<InjectionRequest> injection : ordered) {
            if (injection.status() == RecordStatus.VOIDED) {
                series.add(new Entry(injection, null, null, null));
                continue;
            }
            nth++;
            Long interval = previous == null
                    ? null
                    : ChronoUnit.DAYS.between(
                            previous.state().administeredAt().atZone(clinicZone).toLocalDate(),
                            injection
                                    .state()
                                    .administeredAt()
                                    .atZone(clinicZone)
                                    .toLocalDate());
            series.add(new Entry(injection, nth, interval, interval == null ? null : Spacing.of(interval)));
            previous = injection;
        }
        return series;
    }
}
