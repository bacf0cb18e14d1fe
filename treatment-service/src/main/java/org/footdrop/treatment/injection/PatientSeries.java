package org.footdrop.treatment.injection;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.footdrop.contract.series.InjectionSeries;
import org.footdrop.contract.vocabulary.Spacing;
import org.footdrop.support.record.RecordStatus;
import org.footdrop.support.record.StoredRecord;

/**
 * The patient's series as the write side shows it, derived when read from the stored facts, so a
 * backdated, amended or voided injection renumbers it. Numbering is the contract's ({@link
 * InjectionSeries}), the one outcomes uses; voided injections stand in
 * their place unnumbered.
 */
final class PatientSeries {

    private PatientSeries() {}

    /** @param nth null for a voided injection, which counts nowhere */
    record Entry(StoredRecord<InjectionState> injection, Integer nth, Long intervalDays, Spacing spacing) {}

    static List<Entry> of(List<StoredRecord<InjectionState>> injections, ZoneId clinicZone) {
        List<StoredRecord<InjectionState>> counted = injections.stream()
                .filter(r -> r.status() != RecordStatus.VOIDED)
                .toList();
        Map<UUID, InjectionSeries.Entry<StoredRecord<InjectionState>>> numbered = new HashMap<>();
        InjectionSeries.number(counted, PatientSeries::key, clinicZone)
                .forEach(e -> numbered.put(e.injection().id(), e));
        List<Entry> series = new ArrayList<>();
        for (StoredRecord<InjectionState> injection : injections.stream()
                .sorted(InjectionSeries.order(PatientSeries::key))
                .toList()) {
            var entry = numbered.get(injection.id());
            series.add(
                    entry == null
                            ? new Entry(injection, null, null, null)
                            : new Entry(injection, entry.nth(), entry.intervalDays(), entry.spacing()));
        }
        return series;
    }

    private static InjectionSeries.Key key(StoredRecord<InjectionState> record) {
        return new InjectionSeries.Key(record.state().administeredAt(), record.recordedAt(), record.id());
    }
}
