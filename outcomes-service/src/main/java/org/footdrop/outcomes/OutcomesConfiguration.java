package org.footdrop.outcomes;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.footdrop.outcomes.derivation.OutcomeDefinitions;
import org.footdrop.outcomes.derivation.OutcomeDeriver;
import org.footdrop.outcomes.query.DefinitionsInForce;
import org.footdrop.support.clinic.ClinicCalendar;
import org.footdrop.support.openapi.OperationDocs;
import org.footdrop.support.openapi.OperationDocs.Doc;
import org.footdrop.support.openapi.OperationDocs.TagDoc;
import org.footdrop.support.openapi.RequestBodyExamples;
import org.footdrop.support.security.AccessPolicy;
import org.footdrop.support.security.AccessRule;
import org.footdrop.support.security.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

// Public so a controller slice in a feature package imports the service's real access policy.
@Configuration
@EnableScheduling
@EnableConfigurationProperties(OutcomeDefinitions.class)
public class OutcomesConfiguration {

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

    /**
     * What the reads of patient outcomes, cohorts, exports and data quality do, beside the rules of
     * who may call them (their controllers carry no OpenAPI annotations).
     */
    @Bean
    OperationDocs outcomesDocs() {
        String loading = "The cohort table is still loading after a start or a rebuild; retry shortly";
        return new OperationDocs(
                List.of(
                        new TagDoc("Patient outcomes", "One patient's derived outcomes, for clinicians"),
                        new TagDoc(
                                "Cohorts",
                                "Cohort statistics for analysts; groups under the minimum size are suppressed"),
                        new TagDoc("Exports", "The de-identified per-patient table, paged"),
                        new TagDoc("Data quality", "Records that need a clinician's attention")),
                Map.of(
                        "GET /api/v1/patients/{patientId}/outcomes",
                        Doc.of(
                                        "Patient outcomes",
                                        "getPatientOutcomes",
                                        "Read a patient's outcomes",
                                        "The patient's derived outcome (response per measure and window, time to "
                                                + "response, adverse events) with the records it rests on and the "
                                                + "outcome definitions in force, as of now.")
                                .withProblem(404, "No event of this patient has been projected")
                                .withProblem(
                                        503, "The projection store is unavailable. Retry after Retry-After seconds."),
                        "GET /api/v1/cohorts/outcomes",
                        Doc.of(
                                        "Cohorts",
                                        "getCohortOutcomes",
                                        "Summarise a measure over a cohort",
                                        "Change from baseline and responder proportions of one measure in one window, "
                                                + "for the patients the filters select, optionally grouped by one or "
                                                + "two dimensions. MRC grades report medians, never means.")
                                .withProblem(503, loading),
                        "GET /api/v1/cohorts/time-to-response",
                        Doc.of(
                                        "Cohorts",
                                        "getCohortTimeToResponse",
                                        "Estimate time to response over a cohort",
                                        "Kaplan-Meier estimates of the days from day 0 to a first response on one "
                                                + "measure, for the patients the filters select, optionally grouped.")
                                .withProblem(503, loading),
                        "GET /api/v1/cohorts/report",
                        Doc.of(
                                        "Cohorts",
                                        "getCohortReport",
                                        "Report every measure over a cohort",
                                        "Every measure at every window (change, responders) and every measure's "
                                                + "time to response, per group, in one answer; format=csv gives the "
                                                + "same as one table. Grouping by injectionsReceived is refused.")
                                .withProblem(503, loading),
                        "GET /api/v1/cohorts/safety",
                        Doc.of(
                                        "Cohorts",
                                        "getCohortSafety",
                                        "Count adverse events over a cohort",
                                        "Adverse events by kind and severity and injections given, for the patients "
                                                + "the filters select.")
                                .withProblem(503, loading),
                        "GET /api/v1/exports/patients",
                        Doc.of(
                                "Exports",
                                "exportPatients",
                                "Export the de-identified patient table",
                                "One row per patient (export ids, bands and derived outcomes; no patientId, no "
                                        + "exact date), as NDJSON or CSV, paged by an opaque cursor."),
                        "GET /api/v1/data-quality/summary",
                        Doc.of(
                                "Data quality",
                                "getDataQualitySummary",
                                "Count records that need attention",
                                "For each data-quality check: what it means and how many patients fail it, naming "
                                        + "none (for analysts)."),
                        "GET /api/v1/data-quality",
                        Doc.of(
                                "Data quality",
                                "getDataQuality",
                                "List records that need attention",
                                "For each data-quality check: what it means, how many patients fail it and which "
                                        + "(pseudonymous ids, in patientId order), a page at a time: every page "
                                        + "has every check, with at most size of its patients; count is always "
                                        + "every patient, truncated says more follow, and next (and a Link "
                                        + "header rel=\"next\") names the next page while any check has more.")));
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
