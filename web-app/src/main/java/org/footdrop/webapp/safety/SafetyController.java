package org.footdrop.webapp.safety;

import org.footdrop.webapp.services.OutcomesApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The analyst's safety page (adverse events by technique and solution, the data-quality counts) and the
 * clinician's data-quality list (the records behind the counts, each linking to the patient's page).
 */
@Controller
class SafetyController {

    /** Patients listed per check on one page of the clinician's list. */
    static final int PAGE_SIZE = 100;

    private final OutcomesApi outcomes;

    SafetyController(OutcomesApi outcomes) {
        this.outcomes = outcomes;
    }

    @GetMapping("/safety")
    String safety(Model model) {
        model.addAttribute("safety", SafetyView.of(outcomes.safety(), outcomes.dataQualitySummary()));
        return "safety";
    }

    @GetMapping("/data-quality")
    String dataQuality(@RequestParam(name = "page", defaultValue = "1") String page, Model model) {
        int number = DataQualityView.page(page);
        model.addAttribute("quality", DataQualityView.of(outcomes.dataQuality(number, PAGE_SIZE)));
        return "data-quality";
    }
}
