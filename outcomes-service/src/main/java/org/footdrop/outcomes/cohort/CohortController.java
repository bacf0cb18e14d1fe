package org.footdrop.outcomes.cohort;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.footdrop.contract.intake.Measure;
import org.footdrop.outcomes.derivation.Window;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.FieldProblem;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Analysts' cohort statistics (filters bound from query parameters into {@link CohortFilter}): no patientId, no exact dates, no free text; groups smaller than the
 * minimum are suppressed, with no counts and no figures.
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
        requireValid(problems, filter);
        return queries.outcomes(filter, dimensions, m, w, clock.instant());
    }

    @GetMapping("/api/v1/cohorts/time-to-response")
    CohortQueries.TimeToResponseAnswer timeToResponse(
            @RequestParam(required = false) String measure,
            @RequestParam(required = false) String groupBy,
            @ParameterObject @ModelAttribute CohortFilter filter) {
        List<FieldProblem> problems = new ArrayList<>();
        Measure m = measure(measure, problems);
        List<Dimension> dimensions = windowFreeGroupBy(groupBy, problems);
        requireValid(problems, filter);
        return queries.timeToResponse(filter, dimensions, m, clock.instant());
    }

    /** Every measure at every window and every time to response, per group, in one answer (JSON or CSV). */
    @GetMapping("/api/v1/cohorts/report")
    @ApiResponse(
            responseCode = "200",
            description = "the report: JSON by default, one CSV table with format=csv",
            content = {
                @Content(
                        mediaType = "application/json",
                        schema = @Schema(implementation = CohortQueries.ReportAnswer.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    ResponseEntity<?> report(
            @RequestParam(defaultValue = "json") String format,
            @RequestParam(required = false) String groupBy,
            @ParameterObject @ModelAttribute CohortFilter filter) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!format.equals("json") && !format.equals("csv")) {
            problems.add(new FieldProblem("format", "must be one of [json, csv]"));
        }
        List<Dimension> dimensions = windowFreeGroupBy(groupBy, problems);
        requireValid(problems, filter);
        CohortQueries.ReportAnswer answer = queries.report(filter, dimensions, clock.instant());
        if (format.equals("csv")) {
            return ResponseEntity.ok()
                    .contentType(ExportController.CSV)
                    .header("Content-Disposition", "attachment; filename=\"cohort-report.csv\"")
                    .body(ReportCsv.of(answer));
        }
        return ResponseEntity.ok(answer);
    }

    @GetMapping("/api/v1/cohorts/safety")
    CohortQueries.SafetyAnswer safety(@ParameterObject @ModelAttribute CohortFilter filter) {
        requireValid(List.of(), filter);
        return queries.safety(filter, clock.instant());
    }

    private void requireValid(List<FieldProblem> problems, CohortFilter filter) {
        List<FieldProblem> all = new ArrayList<>(problems);
        all.addAll(filter.problems());
        if (!all.isEmpty()) {
            throw ClinicalProblemException.invalid(all);
        }
        CohortTable.requireLoaded(table);
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

    /** Groups that stay the same at every window: injectionsReceived is counted per window. */
    private static List<Dimension> windowFreeGroupBy(String names, List<FieldProblem> problems) {
        List<Dimension> dimensions = groupBy(names, problems);
        if (dimensions.contains(Dimension.INJECTIONS_RECEIVED)) {
            problems.add(new FieldProblem("groupBy", "injectionsReceived needs a window; use cohorts/outcomes"));
        }
        return dimensions;
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
