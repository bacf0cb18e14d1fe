package org.footdrop.outcomes;

import java.time.Clock;
import java.util.Map;
import org.footdrop.outcomes.derivation.OutcomeDefinitions;
import org.footdrop.outcomes.derivation.OutcomeDeriver;
import org.footdrop.outcomes.query.DefinitionsInForce;
import org.footdrop.support.clinic.ClinicCalendar;
import org.footdrop.support.openapi.RequestBodyExamples;
import org.footdrop.support.security.AccessPolicy;
import org.footdrop.support.security.AccessRule;
import org.footdrop.support.security.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
@EnableConfigurationProperties(OutcomeDefinitions.class)
class OutcomesConfiguration {

    /**
     * Clinicians see named patients (their outcomes and the data-quality list that names whom to
     * fix); analysts only suppressed cohort figures, de-identified exports and data-quality counts;
     * admins rebuild.
     */
    @Bean
    AccessPolicy accessPolicy() {
        return AccessPolicy.of(
                AccessRule.get("/api/v1/patients/*/outcomes", Role.CLINICIAN),
                AccessRule.get("/api/v1/data-quality", Role.CLINICIAN),
                AccessRule.get("/api/v1/data-quality/summary", Role.ANALYST),
                AccessRule.get("/api/v1/cohorts/**", Role.ANALYST),
                AccessRule.get("/api/v1/exports/**", Role.ANALYST),
                AccessRule.any("/api/v1/admin/**", Role.ADMIN));
    }

    @Bean
    RequestBodyExamples.Responses outcomesExamples() {
        return new RequestBodyExamples.Responses(Map.of(
                "GET /api/v1/patients/{patientId}/outcomes", "openapi/examples/patient-outcomes.json",
                "GET /api/v1/cohorts/outcomes", "openapi/examples/cohort-outcomes.json",
                "GET /api/v1/cohorts/time-to-response", "openapi/examples/time-to-response.json",
                "GET /api/v1/cohorts/safety", "openapi/examples/safety.json",
                "GET /api/v1/cohorts/report", "openapi/examples/cohort-report.json",
                "GET /api/v1/data-quality/summary", "openapi/examples/data-quality-summary.json",
                "GET /api/v1/data-quality", "openapi/examples/data-quality.json",
                "GET /api/v1/admin/projection-rebuilds/current", "openapi/examples/rebuild-status.json"));
    }

    @Bean
    OutcomeDeriver outcomeDeriver(OutcomeDefinitions definitions, ClinicCalendar calendar) {
        return new OutcomeDeriver(definitions, calendar.clinicZone());
    }

    @Bean
    DefinitionsInForce definitionsInForce(OutcomeDefinitions definitions, ClinicCalendar calendar) {
        return DefinitionsInForce.of(definitions, calendar.clinicZone());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
