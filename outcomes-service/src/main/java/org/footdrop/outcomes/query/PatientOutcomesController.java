package org.footdrop.outcomes.query;

import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import org.footdrop.outcomes.projection.PatientOutcomeStore;
import org.footdrop.support.web.ClinicalProblemException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class PatientOutcomesController {

    private final PatientOutcomeStore store;
    private final Clock clock;

    PatientOutcomesController(PatientOutcomeStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/api/v1/patients/{patientId}/outcomes")
    PatientOutcomesView outcomes(@PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String patientId) {
        return store.find(patientId)
                .map(facts -> PatientOutcomesView.of(facts, clock.instant()))
                .orElseThrow(() -> ClinicalProblemException.notFound("Outcomes of patient " + patientId));
    }
}
