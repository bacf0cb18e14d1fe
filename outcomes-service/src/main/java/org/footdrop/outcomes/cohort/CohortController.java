package org.footdrop.outcomes.cohort;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.footdrop.outcomes.derivation.Measure;
import org.footdrop.outcomes.derivation.Window;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.FieldProblem;
import org.footdrop.support.web.ProblemTypes;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Analysts' cohort statistics (filters bound from query parameters into {@link CohortFilter}): no patientId, no exact dates, no free text; groups smaller than the
 * minimum report n as "<5" and nothing else.
 */
@RestController
class CohortController {

    private final CohortQueries queries;
    private final CohortTable table;
    private final Clock clock;

    CohortController(CohortQueries queries, CohortTable table, Clock clock) {
        this.queries = queries;
        this.table = table;
        this.clock = clock;
    }

    @GetMapping("/api/v1/cohorts/outcomes")
    CohortQueries.OutcomesAnswer outcomes(
            @RequestParam(required = false) String measure,
            @RequestParam(required = false) String window,
            @RequestParam(required = false) String groupBy,
            @ParameterObject @ModelAttribute CohortFilter filter) {
        List<FieldProblem> problems = new ArrayList<>();
        Measure m = measure(measure, problems);
        Window w = window(window, problems);
        List<Dimension> dimensions = groupBy(groupBy, problems);
        requireValid(problems);
        return queries.outcomes(filter, dimensions, m, w, clock.instant());
    }

    @GetMapping("/api/v1/cohorts/time-to-response")
    CohortQueries.TimeToResponseAnswer timeToResponse(
            @RequestParam(required = false) String measure,
            @RequestParam(required = false) String groupBy,
            @ParameterObject @ModelAttribute CohortFilter filter) {
        List<FieldProblem> problems = new ArrayList<>();
        Measure m = measure(measure, problems);
        List<Dimension> dimensions = groupBy(groupBy, problems);
        if (dimensions.contains(Dimension.INJECTIONS_RECEIVED)) {
            problems.add(new FieldProblem("groupBy", "injectionsReceived needs a window; use cohorts/outcomes"));
        }
        requireValid(problems);
        return queries.timeToResponse(filter, dimensions, m, clock.instant());
    }

    @GetMapping("/api/v1/cohorts/safety")
    CohortQueries.SafetyAnswer safety(@ParameterObject @ModelAttribute CohortFilter filter) {
        requireValid(List.of());
        return queries.safety(filter, clock.instant());
    }

    private void requireValid(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw ClinicalProblemException.invalid(problems);
        }
        if (!table.isLoaded()) {
            throw new ClinicalProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemTypes.UNAVAILABLE,
                    "The cohort table is still loading; retry shortly",
                    List.of());
        }
    }

    private static Measure measure(String name, List<FieldProblem> problems) {
        try {
            if (name == null) {
                problems.add(new FieldProblem("measure", "required: one of " + measureNames()));
                return null;
            }
            return Measure.fromWireName(name);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("measure", "must be one of " + measureNames()));
            return null;
        }
    }

    private static Window window(String name, List<FieldProblem> problems) {
        try {
            if (name == null) {
                problems.add(new FieldProblem("window", "required: one of " + Arrays.toString(Window.values())));
                return null;
            }
            return Window.valueOf(name);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("window", "must be one of " + Arrays.toString(Window.values())));
            return null;
        }
    }

    private static List<Dimension> groupBy(String names, List<FieldProblem> problems) {
        if (names == null || names.isBlank()) {
            return List.of();
        }
        List<Dimension> dimensions = new ArrayList<>();
        for (String name : names.split(",")) {
            Dimension dimension = Dimension.fromWireName(name.trim()).orElse(null);
            if (dimension == null) {
                problems.add(new FieldProblem(
                        "groupBy",
                        "unknown dimension " + name.trim().replaceAll("[^A-Za-z]", "") + "; one or two of "
                                + Dimension.names()));
            } else if (!dimensions.contains(dimension)) {
                dimensions.add(dimension);
            }
        }
        if (dimensions.size() > 2) {
            problems.add(new FieldProblem("groupBy", "at most two dimensions"));
        }
        return dimensions;
    }

    private static String measureNames() {
        return Arrays.stream(Measure.values()).map(Measure::wireName).toList().toString();
    }
}
