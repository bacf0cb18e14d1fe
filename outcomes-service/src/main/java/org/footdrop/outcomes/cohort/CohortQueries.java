package org.footdrop.outcomes.cohort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.footdrop.outcomes.derivation.Measure;
import org.footdrop.outcomes.derivation.OutcomeDefinitions;
import org.footdrop.outcomes.derivation.Window;
import org.footdrop.outcomes.query.DefinitionsInForce;
import org.springframework.stereotype.Component;

/** Cohort questions answered from the in-memory table, never from the store. */
@Component
class CohortQueries {

    private final CohortTable table;
    private final OutcomeDefinitions definitions;
    private final DefinitionsInForce definitionsInForce;

    CohortQueries(CohortTable table, OutcomeDefinitions definitions) {
        this.table = table;
        this.definitions = definitions;
        this.definitionsInForce = DefinitionsInForce.of(definitions);
    }

    record OutcomesAnswer(
            Instant asOf,
            String measure,
            Window window,
            List<String> groupBy,
            CohortFilter filters,
            List<CohortStatistics.GroupOutcome> groups,
            DefinitionsInForce definitions) {}

    record TimeToResponseAnswer(
            Instant asOf,
            String measure,
            List<String> groupBy,
            CohortFilter filters,
            List<CohortStatistics.GroupCurve> groups,
            DefinitionsInForce definitions) {}

    record SafetyAnswer(
            Instant asOf, CohortFilter filters, List<Safety.Group> groups, DefinitionsInForce definitions) {}

    SafetyAnswer safety(CohortFilter filter, Instant asOf) {
        List<CohortRow> rows = table.rows().stream().filter(filter).toList();
        return new SafetyAnswer(asOf, filter, Safety.of(rows, definitions.minimumGroupSize()), definitionsInForce);
    }

    OutcomesAnswer outcomes(
            CohortFilter filter, List<Dimension> groupBy, Measure measure, Window window, Instant asOf) {
        Map<List<String>, List<CohortRow>> groups = group(filter, groupBy, measure, window);
        List<CohortStatistics.GroupOutcome> answers = new ArrayList<>();
        groups.forEach((key, rows) -> answers.add(CohortStatistics.outcome(
                CohortStatistics.label(groupBy, key), rows, measure, window, definitions.minimumGroupSize())));
        return new OutcomesAnswer(
                asOf, measure.wireName(), window, names(groupBy), filter, answers, definitionsInForce);
    }

    TimeToResponseAnswer timeToResponse(CohortFilter filter, List<Dimension> groupBy, Measure measure, Instant asOf) {
        Map<List<String>, List<CohortRow>> groups = group(filter, groupBy, measure, null);
        List<CohortStatistics.GroupCurve> answers = new ArrayList<>();
        groups.forEach((key, rows) -> answers.add(CohortStatistics.timeToResponse(
                CohortStatistics.label(groupBy, key), rows, measure, definitions.minimumGroupSize())));
        return new TimeToResponseAnswer(asOf, measure.wireName(), names(groupBy), filter, answers, definitionsInForce);
    }

    /**
     * Groups in a stable order (by their labels), so the same question gives the same answer.
     * Hashed while scanning, sorted once: there are few groups and many rows.
     */
    private Map<List<String>, List<CohortRow>> group(
            CohortFilter filter, List<Dimension> groupBy, Measure measure, Window window) {
        Map<List<String>, List<CohortRow>> groups = new java.util.HashMap<>();
        for (CohortRow row : table.rows()) {
            if (filter.test(row)) {
                groups.computeIfAbsent(CohortStatistics.key(row, groupBy, measure, window), k -> new ArrayList<>())
                        .add(row);
            }
        }
        Map<List<String>, List<CohortRow>> ordered = new LinkedHashMap<>();
        groups.keySet().stream()
                .sorted(Comparator.comparing((List<String> key) -> String.join("\u0000", key)))
                .forEach(key -> ordered.put(key, groups.get(key)));
        return ordered;
    }

    private static List<String> names(List<Dimension> dimensions) {
        return dimensions.stream().map(Dimension::wireName).toList();
    }
}
