package org.footdrop.outcomes.query;

import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import org.footdrop.outcomes.derivation.OutcomeDeriver;
import org.footdrop.outcomes.projection.PatientOutcomeStore;
import org.footdrop.support.clinic.ClinicCalendar;
import org.footdrop.support.web.ClinicalProblemException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class PatientOutcomesController {

    private final PatientOutcomeStore store;
    private final ClinicCalendar calendar;
    private final OutcomeDeriver deriver;
    private final DefinitionsInForce definitionsInForce;
    private final Clock clock;

    PatientOutcomesController(
            PatientOutcomeStore store,
            OutcomeDeriver deriver,
            DefinitionsInForce definitionsInForce,
            ClinicCalendar calendar,
            Clock clock) {
        this.store = store;
        this.deriver = deriver;
        this.definitionsInForce = definitionsInForce;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/api/v1/patients/{patientId}/outcomes")
    PatientOutcomesView outcomes(@PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String patientId) {
        Instant asOf = clock.instant();
        return store.find(patientId)
                .map(facts -> PatientOutcomesView.of(
                        facts, deriver.derive(facts, calendar.dateOf(asOf)), asOf, definitionsInForce))
                .orElseThrow(() -> ClinicalProblemException.notFound("Outcomes of patient " + patientId));
    }
}
