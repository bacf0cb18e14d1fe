package org.footdrop.outcomes.cohort;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.footdrop.contract.vocabulary.AdverseEventType;
import org.footdrop.contract.vocabulary.InjectionTechnique;
import org.footdrop.contract.vocabulary.Solution;
import org.footdrop.outcomes.statistics.Estimate;
import org.footdrop.outcomes.statistics.Summaries;

/**
 * Adverse events by technique and solution: per injection (injections with at least one adverse
 * event / injections) and per patient (patients with at least one / patients who had that technique
 * and solution), each with its Wilson 95% interval, and the events by severity and type. Groups
 * with fewer patients than the minimum are suppressed: no counts, no figures.
 */
final class Safety {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Group(
            InjectionTechnique technique,
            Solution solution,
            boolean suppressed,
            Integer n,
            Integer injections,
            Integer injectionsWithAdverseEvent,
            Estimate perInjection,
            Integer patientsWithAdverseEvent,
            Estimate perPatient,
            Map<String, Integer> bySeverity,
            Map<String, Integer> byType) {}

    private Safety() {}

    static List<Group> of(Iterable<CohortRow> rows, int minimum) {
        int solutions = Solution.values().length;
        int cells = InjectionTechnique.values().length * solutions;
        // Per technique x solution cell: counts in arrays (few cells, many rows).
        int[] injections = new int[cells];
        int[] injectionsWithEvent = new int[cells];
        int[] patients = new int[cells];
        int[] patientsWithEvent = new int[cells];
        int[][] bySeverity = new int[cells][3];
        int[][] byType = new int[cells][AdverseEventType.values().length];
        int[] seen = new int[cells];
        for (CohortRow row : rows) {
            java.util.Arrays.fill(seen, 0);
            for (CohortRow.InjectionSafety injection : row.injections()) {
                int cell = injection.technique().ordinal() * solutions
                        + injection.solution().ordinal();
                injections[cell]++;
                boolean adverse = injection.adverseEvents() > 0;
                injectionsWithEvent[cell] += adverse ? 1 : 0;
                bySeverity[cell][0] += injection.mild();
                bySeverity[cell][1] += injection.moderate();
                bySeverity[cell][2] += injection.severe();
                injection.types().forEach(t -> byType[cell][t.ordinal()]++);
                seen[cell] |= adverse ? 2 : 1;
            }
            for (int cell = 0; cell < cells; cell++) {
                if (seen[cell] != 0) {
                    patients[cell]++;
                    patientsWithEvent[cell] += (seen[cell] & 2) != 0 ? 1 : 0;
                }
            }
        }
        List<Group> groups = new ArrayList<>();
        for (InjectionTechnique technique : InjectionTechnique.values()) {
            for (Solution solution : Solution.values()) {
                int cell = technique.ordinal() * solutions + solution.ordinal();
                if (injections[cell] == 0) {
                    continue;
                }
                if (patients[cell] < minimum) {
                    groups.add(new Group(technique, solution, true, null, null, null, null, null, null, null, null));
                    continue;
                }
                Map<String, Integer> severity = new TreeMap<>();
                severity.put("MILD", bySeverity[cell][0]);
                severity.put("MODERATE", bySeverity[cell][1]);
                severity.put("SEVERE", bySeverity[cell][2]);
                Map<String, Integer> types = new TreeMap<>();
                for (AdverseEventType type : AdverseEventType.values()) {
                    if (byType[cell][type.ordinal()] > 0) {
                        types.put(type.name(), byType[cell][type.ordinal()]);
                    }
                }
                groups.add(new Group(
                        technique,
                        solution,
                        false,
                        patients[cell],
                        injections[cell],
                        injectionsWithEvent[cell],
                        Summaries.wilson(injectionsWithEvent[cell], injections[cell]),
                        patientsWithEvent[cell],
                        Summaries.wilson(patientsWithEvent[cell], patients[cell]),
                        severity,
                        types));
            }
        }
        return groups;
    }
}
