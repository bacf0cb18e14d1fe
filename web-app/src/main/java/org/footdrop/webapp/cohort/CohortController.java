package org.footdrop.webapp.cohort;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.footdrop.contract.intake.Measure;
import org.footdrop.webapp.services.OutcomesApi;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientResponseException;

/**
 * The analysts' pages: cohorts compared per measure and window, and time to response as Kaplan-Meier
 * curves. Each page is one call to outcomes-service with the person's token; the filters and grouping
 * live in the address (a GET form), so a view can be bookmarked and shared.
 */
@Controller
class CohortController {

    static final String DEFAULT_CURVE_MEASURE = Measure.GAIT_SPEED_COMFORTABLE.wireName();

    private final OutcomesApi outcomes;

    CohortController(OutcomesApi outcomes) {
        this.outcomes = outcomes;
    }

    /** One report call: every measure at every window and every time to response, per group. */
    @GetMapping("/cohorts")
    String cohorts(
            @RequestParam MultiValueMap<String, String> query,
            @RequestParam(name = "measure", required = false) String measure,
            Model model,
            HttpServletResponse response) {
        CohortParameters parameters = CohortParameters.from(query);
        form(model, parameters, measure);
        Measure only = null;
        if (measure != null && !measure.isBlank()) {
            only = measure(measure);
            if (only == null) {
                return refused(
                        "cohorts",
                        model,
                        response,
                        new ApiProblem(
                                400,
                                "This page cannot show that:",
                                List.of(new ApiProblem.FieldError("measure", "must be one of " + measureNames()))));
            }
        }
        try {
            model.addAttribute("report", CohortReportView.of(outcomes.cohortReport(parameters.forApi()), only));
        } catch (RestClientResponseException e) {
            return refused("cohorts", model, response, explained(e));
        }
        model.addAttribute("csvLink", parameters.link("/cohorts/report.csv", Map.of()));
        model.addAttribute(
                "curvesLink",
                parameters.link("/cohorts/time-to-response", Map.of("measure", only == null ? "" : only.wireName())));
        return "cohorts";
    }

    /** The same report as the API's CSV table, relayed as it answers it (nothing re-computed or rounded). */
    @GetMapping("/cohorts/report.csv")
    ResponseEntity<byte[]> csv(@RequestParam MultiValueMap<String, String> query) {
        CohortParameters parameters = CohortParameters.from(query);
        ResponseEntity<byte[]> answer;
        try {
            answer = outcomes.cohortReportCsv(parameters.forApi());
        } catch (RestClientResponseException e) {
            explained(e);
            // the cohort page says what the API refused, beside the form
            return ResponseEntity.status(303)
                    .location(java.net.URI.create(parameters.link("/cohorts", Map.of())))
                    .build();
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(
                answer.getHeaders().getContentType() == null
                        ? MediaType.parseMediaType("text/csv")
                        : answer.getHeaders().getContentType());
        headers.set(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cohort-report.csv\"");
        return ResponseEntity.ok().headers(headers).body(answer.getBody());
    }

    /** One time-to-response call: the measure's Kaplan-Meier curve per group, every step with its limits. */
    @GetMapping("/cohorts/time-to-response")
    String timeToResponse(
            @RequestParam MultiValueMap<String, String> query,
            @RequestParam(name = "measure", required = false) String measure,
            Model model,
            HttpServletResponse response) {
        CohortParameters parameters = CohortParameters.from(query);
        String chosen = measure == null || measure.isBlank() ? DEFAULT_CURVE_MEASURE : measure.strip();
        form(model, parameters, chosen);
        try {
            model.addAttribute("survival", SurvivalView.of(outcomes.timeToResponse(chosen, parameters.forApi())));
        } catch (RestClientResponseException e) {
            return refused("time-to-response", model, response, explained(e));
        }
        model.addAttribute("cohortsLink", parameters.link("/cohorts", Map.of("measure", chosen)));
        return "time-to-response";
    }

    private static void form(Model model, CohortParameters parameters, String measure) {
        model.addAttribute("parameters", parameters);
        model.addAttribute("filters", CohortParameters.FILTERS);
        model.addAttribute("dimensions", CohortParameters.DIMENSIONS);
        model.addAttribute("measures", measureNames());
        model.addAttribute("measure", measure == null ? "" : measure);
    }

    /** The page with its form and the problem, answered with the problem's status; no figures. */
    private static String refused(String page, Model model, HttpServletResponse response, ApiProblem problem) {
        model.addAttribute("problem", problem);
        response.setStatus(problem.status());
        return page;
    }

    private static ApiProblem explained(RestClientResponseException e) {
        ApiProblem problem = ApiProblem.of(e);
        if (problem == null) {
            throw e;
        }
        return problem;
    }

    private static Measure measure(String name) {
        try {
            return Measure.fromWireName(name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> measureNames() {
        return Arrays.stream(Measure.values()).map(Measure::wireName).toList();
    }
}
