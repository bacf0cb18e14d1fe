package org.footdrop.outcomes.cohort;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.footdrop.contract.intake.Measure;
import org.footdrop.outcomes.derivation.Window;

/**
 * Who is in a statistic, decided in one pass over the table: the filtered patients split into the
 * treated, gathered per group, and those counted beside the groups. Untreated patients (no
 * non-voided injection, so no day 0) are in no group; grouped by adherence, neither are patients
 * with one injection (adherence needs two).
 *
 * @param groups in a stable order (by their labels), so the same question gives the same answer
 */
record Population<G>(Map<List<String>, G> groups, int untreated, int singleInjection) {

    static <G> Population<G> of(
            Iterable<CohortRow> table,
            CohortFilter filter,
            List<Dimension> groupBy,
            Measure measure,
            Window window,
            Supplier<G> newGroup,
            BiConsumer<G, CohortRow> add) {
        boolean byAdherence = groupBy.contains(Dimension.ADHERENCE);
        Map<List<String>, G> groups = new HashMap<>();
        int untreated = 0;
        int singleInjection = 0;
        for (CohortRow row : table) {
            if (!filter.test(row)) {
                continue;
            }
            if (!row.treated()) {
                untreated++;
            } else if (byAdherence && row.adherence() == null) {
                singleInjection++;
            } else {
                add.accept(
                        groups.computeIfAbsent(
                                CohortStatistics.key(row, groupBy, measure, window), k -> newGroup.get()),
                        row);
            }
        }
        // Hashed while scanning, sorted once: there are few groups and many rows.
        Map<List<String>, G> ordered = new LinkedHashMap<>();
        groups.keySet().stream()
                .sorted(Comparator.comparing((List<String> key) -> String.join("\u0000", key)))
                .forEach(key -> ordered.put(key, groups.get(key)));
        return new Population<>(ordered, untreated, singleInjection);
    }

    /** The patients beside the groups, as the API discloses them. */
    Beside beside(List<Dimension> groupBy, int minimum) {
        return new Beside(
                Count.of(untreated, minimum),
                groupBy.contains(Dimension.ADHERENCE) ? Count.of(singleInjection, minimum) : null);
    }

    /**
     * @param untreated filtered patients without a day 0
     * @param singleInjection grouped by adherence only: treated patients with one injection
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Beside(Count untreated, Count singleInjection) {}
}
