package org.footdrop.fhir.records;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The services the facade writes through and reads from, each at its own address. */
@Configuration
class ServiceApis {

    @Bean
    IntakeApi intakeApi(RestClient.Builder builder, @Value("${footdrop.fhir.intake-uri}") String uri) {
        return new IntakeApi(
                new ServiceApi("intake-service", builder.clone().baseUrl(uri).build()));
    }

    @Bean
    TreatmentApi treatmentApi(RestClient.Builder builder, @Value("${footdrop.fhir.treatment-uri}") String uri) {
        return new TreatmentApi(
                new ServiceApi("treatment-service", builder.clone().baseUrl(uri).build()));
    }

    @Bean
    OutcomesApi outcomesApi(RestClient.Builder builder, @Value("${footdrop.fhir.outcomes-uri}") String uri) {
        return new OutcomesApi(
                new ServiceApi("outcomes-service", builder.clone().baseUrl(uri).build()));
    }
}
