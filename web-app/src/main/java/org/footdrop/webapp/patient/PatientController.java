package org.footdrop.webapp.patient;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.footdrop.webapp.services.OutcomesApi;
import org.footdrop.webapp.services.TreatmentApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.view.RedirectView;

/** The clinician's patient page: find a patient by id, then their course as outcomes-service answers it. */
@Controller
class PatientController {

    /** The services' patientId rule: 1 to 64 letters, digits, '.', '_', '-'. */
    private static final Logger log = LoggerFactory.getLogger(PatientController.class);

    private static final Pattern PATIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final OutcomesApi outcomes;
    private final TreatmentApi treatment;

    PatientController(OutcomesApi outcomes, TreatmentApi treatment) {
        this.outcomes = outcomes;
        this.treatment = treatment;
    }

    @GetMapping("/patients")
    Object find(
            @RequestParam(name = "patientId", required = false) String patientId,
            Model model,
            HttpServletResponse response) {
        if (patientId == null || patientId.isBlank()) {
            return "patients";
        }
        String id = patientId.strip();
        if (!PATIENT_ID.matcher(id).matches()) {
            model.addAttribute("patientId", patientId);
            return invalidPatientId(model, response);
        }
        return new RedirectView("/patients/" + id, true);
    }

    @GetMapping("/patients/{patientId}")
    String patient(@PathVariable String patientId, Model model, HttpServletResponse response) {
        model.addAttribute("patientId", patientId);
        if (!PATIENT_ID.matcher(patientId).matches()) {
            return invalidPatientId(model, response);
        }
        var answer = outcomes.patient(patientId);
        if (answer.isEmpty()) {
            model.addAttribute("problem", "No patient " + patientId + " is known to the outcomes service.");
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "patients";
        }
        // the course is outcomes-service's; the other two reads only add to it, so the page stands without them
        Map<String, String> injectionDetails = orMissing(
                () -> treatment.injectionDetails(patientId),
                Map.of(),
                "detailsProblem",
                "Where and how each injection was given is not shown: treatment-service did not answer.",
                model);
        List<OutcomesApi.Finding> findings = orMissing(
                () -> outcomes.findings(patientId),
                List.of(),
                "findingsProblem",
                "The data-quality findings could not be read: outcomes-service did not answer.",
                model);
        model.addAttribute("patient", PatientView.of(answer.get(), injectionDetails, findings));
        return "patient";
    }

    /**
     * A secondary read, or {@code missing} with the problem said on the page when its service does not
     * answer. A refused token is the person's, not the service's: it goes on to {@code SignInAgain}.
     */
    private static <T> T orMissing(Supplier<T> read, T missing, String attribute, String problem, Model model) {
        try {
            return read.get();
        } catch (HttpClientErrorException.Unauthorized refused) {
            throw refused;
        } catch (RestClientException e) {
            log.warn("{} ({})", problem, e.getClass().getSimpleName());
            model.addAttribute(attribute, problem);
            return missing;
        }
    }

    /** The search again, its field marked invalid and its problem said, with the status the API would give. */
    private static String invalidPatientId(Model model, HttpServletResponse response) {
        model.addAttribute("problem", "Patient id: must be 1 to 64 letters, digits, '.', '_' or '-'.");
        model.addAttribute("invalidPatientId", true);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "patients";
    }
}
