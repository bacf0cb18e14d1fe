package org.footdrop.outcomes.cohort;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.footdrop.contract.intake.Measure;
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

    CohortQueries(CohortTable table, OutcomeDefinitions definitions, DefinitionsInForce definitionsInForce) {
        this.table = table;
        this.definitions = definitions;
        this.definitionsInForce = definitionsInForce;
    }

    record OutcomesAnswer(
            Instant asOf,
            String measure,
            Window window,
            List<String> groupBy,
            CohortFilter filters,
            @JsonUnwrapped Population.Beside beside,
            List<CohortStatistics.GroupOutcome> groups,
            DefinitionsInForce definitions) {}

    record TimeToResponseAnswer(
            Instant asOf,
            String measure,
            List<String> groupBy,
            CohortFilter filters,
            @JsonUnwrapped Population.Beside beside,
            List<CohortStatistics.GroupCurve> groups,
            DefinitionsInForce definitions) {}

    record ReportAnswer(
            Instant asOf,
            List<String> groupBy,
            CohortFilter filters,
            @JsonUnwrapped Population.Beside beside,
            List<GroupCells.ReportGroup> groups,
            DefinitionsInForce definitions) {}

    record SafetyAnswer(
            Instant asOf, CohortFilter filters, List<Safety.Group> groups, DefinitionsInForce definitions) {}

    SafetyAnswer safety(CohortFilter filter, Instant asOf) {
        List<CohortRow> rows = table.rows().stream().filter(filter).toList();
        return new SafetyAnswer(asOf, filter, Safety.of(rows, definitions.minimumGroupSize()), definitionsInForce);
    }

    OutcomesAnswer outcomes(
            CohortFilter filter, List<Dimension> groupBy, Measure measure, Window window, Instant asOf) {
        Population<List<CohortRow>> population = rowsByGroup(filter, groupBy, measure, window);
        List<CohortStatistics.GroupOutcome> answers = new ArrayList<>();
        population
                .groups()
                .forEach((key, rows) -> answers.add(CohortStatistics.outcome(
                        CohortStatistics.label(groupBy, key), rows, measure, window, minimum())));
        return new OutcomesAnswer(
                asOf,
                measure.wireName(),
                window,
                names(groupBy),
                filter,
                population.beside(groupBy, minimum()),
                answers,
                definitionsInForce);
    }

    TimeToResponseAnswer timeToResponse(CohortFilter filter, List<Dimension> groupBy, Measure measure, Instant asOf) {
        Population<List<CohortRow>> population = rowsByGroup(filter, groupBy, measure, null);
        List<CohortStatistics.GroupCurve> answers = new ArrayList<>();
        population
                .groups()
                .forEach((key, rows) -> answers.add(CohortStatistics.timeToResponse(
                        CohortStatistics.label(groupBy, key), rows, measure, minimum())));
        return new TimeToResponseAnswer(
                asOf,
                measure.wireName(),
                names(groupBy),
                filter,
                population.beside(groupBy, minimum()),
                answers,
                definitionsInForce);
    }

    /**
     * Every measure at every window and every measure's time to response, per group: the table is
     * read once, each group gathering its cells' values, then each cell is computed from those.
     * Grouping must not depend on the window (the controller refuses injectionsReceived).
     */
    ReportAnswer report(CohortFilter filter, List<Dimension> groupBy, Instant asOf) {
        Population<GroupCells> population =
                Population.of(table.rows(), filter, groupBy, null, null, GroupCells::new, GroupCells::add);
        List<GroupCells.ReportGroup> groups = new ArrayList<>();
        population
                .groups()
                .forEach((key, cells) -> groups.add(cells.report(CohortStatistics.label(groupBy, key), minimum())));
        return new ReportAnswer(
                asOf, names(groupBy), filter, population.beside(groupBy, minimum()), groups, definitionsInForce);
    }

    private Population<List<CohortRow>> rowsByGroup(
            CohortFilter filter, List<Dimension> groupBy, Measure measure, Window window) {
        return Population.of(table.rows(), filter, groupBy, measure, window, ArrayList::new, List::add);
    }

    private int minimum() {
        return definitions.minimumGroupSize();
    }

    private static List<String> names(List<Dimension> dimensions) {
        return dimensions.stream().map(Dimension::wireName).toList();
    }
}
