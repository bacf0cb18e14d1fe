package org.footdrop.outcomes.cohort;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.footdrop.contract.vocabulary.InjectionTechnique;
import org.footdrop.contract.vocabulary.Solution;
import org.footdrop.outcomes.statistics.Estimate;
import org.footdrop.outcomes.statistics.Summaries;

/**
 * Adverse events by technique and solution: per injection (injections with at least one adverse
 * event / injections) and per patient (patients with at least one / patients who had that technique
 * and solution), each with its Wilson 95% interval, and the events by severity and type. Groups
 * with fewer patients than the minimum report n only.
 */
final class Safety {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Group(InjectionTechnique technique, Solution solution, Object n, Integer injections,
            Integer injectionsWithAdverseEvent, Estimate perInjection, Integer patientsWithAdverseEvent,
            Estimate perPatient, Map<String, Integer> bySeverity, Map<String, Integer> byType) {
    }

    private Safety() {
    }

    static List<Group> of(Iterable<CohortRow> rows, int minimum) {
        Map<String, List<CohortRow.InjectionSafety>> injections = new TreeMap<>();
        Map<String, int[]> patients = new TreeMap<>(); // [patients, patients with an adverse event]
        for (CohortRow row : rows) {
            Map<String, Boolean> seen = new TreeMap<>();
            for (CohortRow.InjectionSafety injection : row.injections()) {
                String key = injection.technique() + "|" + injection.solution();
                injections.computeIfAbsent(key, k -> new ArrayList<>()).add(injection);
                seen.merge(key, injection.adverseEvents() > 0, Boolean::logicalOr);
            }
            seen.forEach((key, adverse) -> {
                int[] counts = patients.computeIfAbsent(key, k -> new int[2]);
                counts[0]++;
                counts[1] += adverse ? 1 : 0;
            });
        }
        List<Group> groups = new ArrayList<>();
        injections.forEach((key, list) -> {
            String[] parts = key.split("\\|");
            InjectionTechnique technique = InjectionTechnique.valueOf(parts[0]);
            Solution solution = Solution.valueOf(parts[1]);
            int[] counts = patients.get(key);
            if (counts[0] < minimum) {
                groups.add(new Group(technique, solution, CohortStatistics.suppressed(minimum), null, null, null, null,
                        null, null, null));
                return;
            }
            int withEvent = (int) list.stream().filter(i -> i.adverseEvents() > 0).count();
            Map<String, Integer> bySeverity = new TreeMap<>();
            bySeverity.put("MILD", list.stream().mapToInt(CohortRow.InjectionSafety::mild).sum());
            bySeverity.put("MODERATE", list.stream().mapToInt(CohortRow.InjectionSafety::moderate).sum());
            bySeverity.put("SEVERE", list.stream().mapToInt(CohortRow.InjectionSafety::severe).sum());
            Map<String, Integer> byType = new TreeMap<>();
            list.forEach(i -> i.types().forEach(t -> byType.merge(t.name(), 1, Integer::sum)));
            groups.add(new Group(technique, solution, counts[0], list.size(), withEvent,
                    Summaries.wilson(withEvent, list.size()), counts[1], Summaries.wilson(counts[1], counts[0]),
                    bySeverity, byType));
        });
        return groups;
    }
}
