package org.footdrop.webapp.services;

import org.footdrop.webapp.WebProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;

/**
 * One RestClient per service, each relaying the signed-in person's access token (kept in their session on
 * this server, never sent to the browser): the services check it and audit the read under the person's name.
 */
@Configuration
class ServiceClients {

    /**
     * The APIs' numbers read as written (an adherence of 0.000 stays 0.000, not a double's 0.0), so the pages
     * show the API's own numbers.
     */
    @Bean
    JsonMapperBuilderCustomizer apiNumbersAsWritten() {
        return builder -> builder.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @Bean
    OAuth2ClientHttpRequestInterceptor relayPersonToken(OAuth2AuthorizedClientManager manager) {
        OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setClientRegistrationIdResolver(request -> WebProperties.REGISTRATION_ID);
        return interceptor;
    }

    @Bean
    OutcomesApi outcomesApi(RestClient.Builder builder, OAuth2ClientHttpRequestInterceptor relay, WebProperties web) {
        return new OutcomesApi(builder.clone()
                .baseUrl(web.outcomesUri())
                .requestInterceptor(relay)
                .build());
    }

    @Bean
    IntakeApi intakeApi(RestClient.Builder builder, OAuth2ClientHttpRequestInterceptor relay, WebProperties web) {
        return new IntakeApi(builder.clone()
                .baseUrl(web.intakeUri())
                .requestInterceptor(relay)
                .build());
    }

    /** Only its public health: the person's token is for the services, so none is sent here. */
    @Bean
    AuthorizationServerApi authorizationServerApi(RestClient.Builder builder, WebProperties web) {
        return new AuthorizationServerApi(
                builder.clone().baseUrl(web.authInternal()).build());
    }

    @Bean
    TreatmentApi treatmentApi(RestClient.Builder builder, OAuth2ClientHttpRequestInterceptor relay, WebProperties web) {
        return new TreatmentApi(builder.clone()
                .baseUrl(web.treatmentUri())
                .requestInterceptor(relay)
                .build());
    }
}
