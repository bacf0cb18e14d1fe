package org.footdrop.treatment;

import java.util.Map;
import org.footdrop.support.openapi.RequestBodyExamples;
import org.footdrop.support.security.AccessPolicy;
import org.footdrop.treatment.injection.InjectionLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// Public so a controller slice in a feature package imports the service's real access policy and limits.
@Configuration
@EnableConfigurationProperties(InjectionLimits.class)
public class TreatmentConfiguration {

    @Bean
    AccessPolicy accessPolicy() {
        return AccessPolicy.clinicalRecords();
    }

    @Bean
    RequestBodyExamples treatmentExamples() {
        return new RequestBodyExamples(Map.ofEntries(
                Map.entry("POST /api/v1/injections", "openapi/examples/injection.json"),
                Map.entry("PUT /api/v1/injections/{injectionId}", "openapi/examples/injection.json"),
                Map.entry("DELETE /api/v1/injections/{injectionId}", "openapi/examples/void.json"),
                Map.entry("POST /api/v1/therapies", "openapi/examples/therapy.json"),
                Map.entry("PUT /api/v1/therapies/{therapyId}", "openapi/examples/therapy.json"),
                Map.entry("DELETE /api/v1/therapies/{therapyId}", "openapi/examples/void.json"),
                Map.entry("POST /api/v1/therapies/{therapyId}/sessions", "openapi/examples/therapy-session.json"),
                Map.entry(
                        "PUT /api/v1/therapies/{therapyId}/sessions/{sessionId}",
                        "openapi/examples/therapy-session.json"),
                Map.entry("DELETE /api/v1/therapies/{therapyId}/sessions/{sessionId}", "openapi/examples/void.json"),
                Map.entry("PUT /api/v1/therapy-sessions/{sessionId}", "openapi/examples/therapy-session.json"),
                Map.entry("DELETE /api/v1/therapy-sessions/{sessionId}", "openapi/examples/void.json")));
    }
}
