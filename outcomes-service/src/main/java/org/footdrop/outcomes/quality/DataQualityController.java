package org.footdrop.outcomes.quality;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Records that need a clinician's attention, by check, naming the pseudonymous patients. */
@RestController
class DataQualityController {

    /** Per check; the count is always complete. */
    static final int MAX_PATIENTS_LISTED = 500;

    private final DataQualityFindings findings;
    private final Clock clock;

    DataQualityController(DataQualityFindings findings, Clock clock) {
        this.findings = findings;
        this.clock = clock;
    }

    record Check(DataQualityCheck check, String meaning, int count, List<String> patientIds, boolean truncated) {}

    record Report(Instant asOf, List<Check> checks) {}

    record CheckCount(DataQualityCheck check, String meaning, int count) {}

    record Summary(Instant asOf, List<CheckCount> checks) {}

    /**
     * For analysts: how many patients fail each check, naming none (clinicians, who fix the
     * records, read the lists).
     */
    @GetMapping("/api/v1/data-quality/summary")
    Summary summary() {
        Map<DataQualityCheck, int[]> counts = new EnumMap<>(DataQualityCheck.class);
        findings.byPatient()
                .values()
                .forEach(failed -> failed.forEach(check -> counts.computeIfAbsent(check, c -> new int[1])[0]++));
        List<CheckCount> checks = new ArrayList<>();
        for (DataQualityCheck check : DataQualityCheck.values()) {
            checks.add(new CheckCount(check, check.meaning(), counts.getOrDefault(check, new int[1])[0]));
        }
        return new Summary(clock.instant(), checks);
    }

    @GetMapping("/api/v1/data-quality")
    Report report() {
        Map<String, Set<DataQualityCheck>> issues = findings.byPatient();
        List<Check> checks = new ArrayList<>();
        for (DataQualityCheck check : DataQualityCheck.values()) {
            TreeSet<String> patients = new TreeSet<>();
            issues.forEach((patientId, failed) -> {
                if (failed.contains(check)) {
                    patients.add(patientId);
                }
            });
            List<String> listed = patients.stream().limit(MAX_PATIENTS_LISTED).toList();
            checks.add(new Check(check, check.meaning(), patients.size(), listed, patients.size() > listed.size()));
        }
        return new Report(clock.instant(), checks);
    }
}
