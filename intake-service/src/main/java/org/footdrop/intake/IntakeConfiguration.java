package org.footdrop.intake;

import java.util.Map;
import org.footdrop.support.openapi.RequestBodyExamples;
import org.footdrop.support.security.AccessPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// Public so a controller slice in a feature package imports the service's real access policy.
@Configuration
public class IntakeConfiguration {

    @Bean
    AccessPolicy accessPolicy() {
        return AccessPolicy.clinicalRecords();
    }

    @Bean
    RequestBodyExamples intakeExamples() {
        return new RequestBodyExamples(Map.of(
                "POST /api/v1/diagnoses", "openapi/examples/diagnosis.json",
                "PUT /api/v1/diagnoses/{diagnosisId}", "openapi/examples/diagnosis.json",
                "DELETE /api/v1/diagnoses/{diagnosisId}", "openapi/examples/void.json",
                "POST /api/v1/assessments", "openapi/examples/assessment.json",
                "PUT /api/v1/assessments/{assessmentId}", "openapi/examples/assessment.json",
                "DELETE /api/v1/assessments/{assessmentId}", "openapi/examples/void.json",
                "PUT /api/v1/patients/{patientId}/demographics", "openapi/examples/demographics.json"));
    }
}
