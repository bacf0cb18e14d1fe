package org.footdrop.webapp.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.footdrop.webapp.services.IntakeApi;
import org.footdrop.webapp.services.OutcomesApi;
import org.footdrop.webapp.services.RefusedLines;
import org.footdrop.webapp.services.TreatmentApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin page and its two actions, each a POST form with the session's CSRF token: re-drive a dead letter,
 * start a projection rebuild. The services check the admin's token again; this page only relays.
 */
@Controller
class AdminController {

    private static final Logger log = LoggerFactory.getLogger(AdminController.class);

    private static final JsonMapper PROBLEMS = JsonMapper.builder().build();
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f-]{36}");

    /** Refused lines shown on a job's page; the rest download. */
    static final int REFUSALS_SHOWN = 1_000;

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final OutcomesApi outcomes;
    private final IntakeApi intake;
    private final TreatmentApi treatment;

    AdminController(OutcomesApi outcomes, IntakeApi intake, TreatmentApi treatment) {
        this.outcomes = outcomes;
        this.intake = intake;
        this.treatment = treatment;
    }

    @GetMapping("/admin")
    String admin(Model model) {
        Answer<List<AdminView.DeadLetter>> deadLetters =
                ask("dead letters", () -> AdminView.deadLetters(outcomes.deadLetters()));
        Answer<AdminView.Rebuild> rebuild = ask("the projection rebuild", () -> AdminView.rebuild(outcomes.rebuild()));
        List<AdminView.ImportRow> imports = new ArrayList<>();
        List<String> importProblems = new ArrayList<>();
        Answer<List<AdminView.ImportRow>> intakeJobs =
                ask("intake-service's imports", () -> AdminView.imports("intake", intake.imports()));
        Answer<List<AdminView.ImportRow>> treatmentJobs =
                ask("treatment-service's imports", () -> AdminView.imports("treatment", treatment.imports()));
        for (Answer<List<AdminView.ImportRow>> jobs : List.of(intakeJobs, treatmentJobs)) {
            if (jobs.value() != null) {
                imports.addAll(jobs.value());
            } else {
                importProblems.add(jobs.problem());
            }
        }
        model.addAttribute(
                "page",
                new AdminView(
                        deadLetters.value(),
                        deadLetters.problem(),
                        rebuild.value(),
                        rebuild.problem(),
                        imports,
                        importProblems));
        return "admin";
    }

    @PostMapping("/admin/dead-letters/{partition}/{offset}/redrive")
    RedirectView redrive(@PathVariable int partition, @PathVariable long offset, RedirectAttributes flash) {
        try {
            outcomes.redrive(partition, offset);
            flash.addFlashAttribute("done", "Dead letter " + partition + "/" + offset + " re-driven to its topic.");
        } catch (RestClientResponseException e) {
            flash.addFlashAttribute("problem", refused("Re-driving " + partition + "/" + offset, e));
        }
        return new RedirectView("/admin#dead-letters", true);
    }

    @PostMapping("/admin/projection-rebuilds")
    RedirectView rebuild(RedirectAttributes flash) {
        try {
            outcomes.startRebuild();
            flash.addFlashAttribute("done", "Projection rebuild started.");
        } catch (RestClientResponseException e) {
            flash.addFlashAttribute("problem", refused("Starting a rebuild", e));
        }
        return new RedirectView("/admin#rebuild", true);
    }

    /**
     * A job's refused lines: number, kind, key and the problem the per-record API would have answered. The
     * first {@link #REFUSALS_SHOWN} only: a file refused whole has as many as it has lines; all of them
     * download as NDJSON.
     */
    @GetMapping("/admin/imports/{service}/{jobId}/refusals")
    String refusals(@PathVariable String service, @PathVariable String jobId, Model model) {
        requireJob(service, jobId);
        RefusedLines refused = service.equals("intake")
                ? intake.importRefusals(jobId, REFUSALS_SHOWN)
                : treatment.importRefusals(jobId, REFUSALS_SHOWN);
        model.addAttribute("service", service);
        model.addAttribute("jobId", jobId);
        model.addAttribute("refusals", AdminView.refusals(refused.lines()));
        model.addAttribute("more", refused.more());
        return "import-refusals";
    }

    /**
     * All of a job's refused lines, copied from the service's stream as it comes, never held here; on this
     * request's thread (no asynchronous time limit), the headers set only once the service has answered.
     */
    @GetMapping(path = "/admin/imports/{service}/{jobId}/refusals.ndjson")
    void refusalsFile(@PathVariable String service, @PathVariable String jobId, HttpServletResponse response) {
        requireJob(service, jobId);
        Supplier<OutputStream> file = () -> {
            response.setContentType(NDJSON.toString());
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                            .filename(service + "-import-" + jobId + "-refusals.ndjson")
                            .build()
                            .toString());
            try {
                return response.getOutputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        if (service.equals("intake")) {
            intake.copyImportRefusals(jobId, file);
        } else {
            treatment.copyImportRefusals(jobId, file);
        }
    }

    private static void requireJob(String service, String jobId) {
        if (!JOB_ID.matcher(jobId).matches() || !(service.equals("intake") || service.equals("treatment"))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** The rebuild's progress for the page's script, which refreshes the numbers while it runs. */
    @GetMapping(path = "/admin/projection-rebuilds/current", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    AdminView.Rebuild rebuildProgress() {
        return AdminView.rebuild(outcomes.rebuild());
    }

    /** The service's own title for the refusal (e.g. "A rebuild is already running"), never its whole body. */
    private static String refused(String what, RestClientResponseException e) {
        String detail = null;
        try {
            JsonNode problem = PROBLEMS.readTree(e.getResponseBodyAsString());
            detail = problem.path("detail").asString(null);
        } catch (RuntimeException unreadable) {
            // not problem+json: the status alone says enough
        }
        return what + " was refused (" + e.getStatusCode().value() + ")" + (detail == null ? "." : ": " + detail);
    }

    private static <T> Answer<T> ask(String what, Supplier<T> call) {
        try {
            return new Answer<>(call.get(), null);
        } catch (HttpClientErrorException.Unauthorized refused) {
            throw refused; // the person's token, not the service: SignInAgain
        } catch (RestClientException e) {
            log.warn("the admin page could not read {}: {}", what, e.getClass().getSimpleName());
            return new Answer<>(null, "Could not read " + what + " just now; reload the page to try again.");
        }
    }

    private record Answer<T>(T value, String problem) {}
}
