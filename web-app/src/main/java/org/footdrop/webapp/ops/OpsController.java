package org.footdrop.webapp.ops;

import java.util.ArrayList;
import java.util.List;
import org.footdrop.webapp.WebProperties;
import org.footdrop.webapp.services.AuthorizationServerApi;
import org.footdrop.webapp.services.FhirFacadeApi;
import org.footdrop.webapp.services.IntakeApi;
import org.footdrop.webapp.services.OutcomesApi;
import org.footdrop.webapp.services.ServiceHealth;
import org.footdrop.webapp.services.TreatmentApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The ops page: each service's health, asked by this server as the page is drawn, and the Grafana dashboard. */
@Controller
class OpsController {

    private final AuthorizationServerApi authorizationServer;
    private final IntakeApi intake;
    private final TreatmentApi treatment;
    private final OutcomesApi outcomes;
    private final FhirFacadeApi fhirFacade;
    private final WebProperties web;

    OpsController(
            AuthorizationServerApi authorizationServer,
            IntakeApi intake,
            TreatmentApi treatment,
            OutcomesApi outcomes,
            FhirFacadeApi fhirFacade,
            WebProperties web) {
        this.authorizationServer = authorizationServer;
        this.intake = intake;
        this.treatment = treatment;
        this.outcomes = outcomes;
        this.fhirFacade = fhirFacade;
        this.web = web;
    }

    @GetMapping("/ops")
    String ops(Model model) {
        // each public health endpoint, asked without the person's token
        List<ServiceHealth> health = new ArrayList<>(
                List.of(authorizationServer.health(), intake.health(), treatment.health(), outcomes.health()));
        fhirFacade.health().ifPresent(health::add); // where the stack runs one
        model.addAttribute("health", health);
        model.addAttribute("allUp", health.stream().allMatch(ServiceHealth::up));
        model.addAttribute("grafanaUri", web.grafanaUri());
        return "ops";
    }
}
