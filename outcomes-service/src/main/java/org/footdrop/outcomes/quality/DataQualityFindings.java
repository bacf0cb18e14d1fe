package org.footdrop.outcomes.quality;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.footdrop.outcomes.derivation.PatientDerived;
import org.footdrop.outcomes.derivation.PatientRemoved;
import org.footdrop.support.clinic.ClinicCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The checks each patient fails, kept current as patients are derived: for clinicians fixing
 * records (with the patients named) and, as counts, for analysts.
 */
@Component
public class DataQualityFindings {

    private final ConcurrentHashMap<String, Set<DataQualityCheck>> failed = new ConcurrentHashMap<>();
    private final Clock clock;
    private final ClinicCalendar calendar;
    private final Duration diagnosisGrace;
    private final Duration lateEntry;

    public DataQualityFindings(
            Clock clock,
            ClinicCalendar calendar,
            @Value("${footdrop.quality.diagnosis-grace:7d}") Duration diagnosisGrace,
            @Value("${footdrop.quality.late-entry:30d}") Duration lateEntry) {
        this.clock = clock;
        this.calendar = calendar;
        this.diagnosisGrace = diagnosisGrace;
        this.lateEntry = lateEntry;
    }

    @EventListener
    public void on(PatientDerived derived) {
        Set<DataQualityCheck> checks = DataQuality.of(
                derived.facts(), derived.outcome(), clock.instant(), diagnosisGrace, lateEntry, calendar.clinicZone());
        String patientId = derived.facts().patientId();
        if (checks.isEmpty()) {
            failed.remove(patientId);
        } else {
            failed.put(patientId, checks);
        }
    }

    @EventListener
    public void on(PatientRemoved removed) {
        failed.remove(removed.patientId());
    }

    /** Failed checks by patient; patients who pass every check are absent. */
    public Map<String, Set<DataQualityCheck>> byPatient() {
        return Map.copyOf(failed);
    }
}
