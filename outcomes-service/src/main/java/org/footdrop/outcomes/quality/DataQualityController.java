package org.footdrop.outcomes.quality;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.footdrop.outcomes.cohort.CohortTable;
import org.footdrop.support.audit.AuditTrail;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Records that need a clinician's attention, by check, naming the pseudonymous patients. */
@RestController
@Validated
class DataQualityController {

    /** Patients listed per check on a page, unless the caller asks otherwise; counts are always complete. */
    static final int DEFAULT_PAGE_SIZE = 500;

    static final int MAX_PAGE_SIZE = 1000;

    static final String PATH = "/api/v1/data-quality";

    private final DataQualityFindings findings;
    private final CohortTable table;
    private final AuditTrail audit;
    private final Clock clock;

    DataQualityController(DataQualityFindings findings, CohortTable table, AuditTrail audit, Clock clock) {
        this.findings = findings;
        this.table = table;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param count every patient failing the check, on any page
     * @param patientIds this page's share of them, in patientId order
     * @param truncated more of them follow on later pages
     */
    record Check(DataQualityCheck check, String meaning, int count, List<String> patientIds, boolean truncated) {}

    /**
     * @param page this page's number, from 1
     * @param size patients listed per check on a page
     * @param totalPages pages needed to list every check's patients (the longest list's), at least 1
     * @param next the next page, absent on the last
     */
    record Report(Instant asOf, int page, int size, int totalPages, String next, List<Check> checks) {}

    record CheckCount(DataQualityCheck check, String meaning, int count) {}

    record Summary(Instant asOf, List<CheckCount> checks) {}

    /**
     * For analysts: how many patients fail each check, naming none (clinicians, who fix the
     * records, read the lists).
     */
    @GetMapping("/api/v1/data-quality/summary")
    Summary summary() {
        CohortTable.requireLoaded(table); // the findings are the table's: counted from part of it, they undercount
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

    /**
     * Every check's patients, a page at a time: page n lists, for each check, its patients
     * (n - 1) x size + 1 to n x size in patientId order, so following {@code next} lists everyone
     * and no list is cut silently. A page past the last lists no one. With {@code patientId} only that
     * patient is listed (under each check they fail, counted as one), and the read is audited as a read
     * of their record, as their outcomes are.
     */
    @GetMapping(PATH)
    ResponseEntity<Report> report(
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) @Min(1) @Max(MAX_PAGE_SIZE) int size,
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String patientId) {
        CohortTable.requireLoaded(table); // "no findings" for a patient not loaded yet would mislead
        Map<String, Set<DataQualityCheck>> issues = findings.byPatient();
        if (patientId != null) {
            audit.read(patientId);
            Set<DataQualityCheck> failed = issues.get(patientId);
            issues = failed == null ? Map.of() : Map.of(patientId, failed);
        }
        long skip = (long) (page - 1) * size;
        List<Check> checks = new ArrayList<>();
        Set<String> named = new TreeSet<>();
        int longest = 0;
        for (DataQualityCheck check : DataQualityCheck.values()) {
            TreeSet<String> patients = new TreeSet<>();
            issues.forEach((id, failed) -> {
                if (failed.contains(check)) {
                    patients.add(id);
                }
            });
            longest = Math.max(longest, patients.size());
            List<String> listed = patients.stream().skip(skip).limit(size).toList();
            named.addAll(listed);
            checks.add(
                    new Check(check, check.meaning(), patients.size(), listed, skip + listed.size() < patients.size()));
        }
        if (patientId == null) {
            named.forEach(audit::read); // the page names them: audited as reads of their records, once each
        }
        int totalPages = Math.max(1, (longest + size - 1) / size);
        String next = page < totalPages
                ? PATH + "?page=" + (page + 1) + "&size=" + size + (patientId == null ? "" : "&patientId=" + patientId)
                : null;
        var response = ResponseEntity.ok();
        if (next != null) {
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(new Report(clock.instant(), page, size, totalPages, next, checks));
    }
}
