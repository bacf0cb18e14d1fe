package org.footdrop.webapp.services;

import java.time.Duration;
import org.footdrop.webapp.WebProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;

/**
 * One RestClient per service, each relaying the signed-in person's access token (kept in their session on
 * this server, never sent to the browser): the services check it and audit the read under the person's name.
 */
@Configuration
class ServiceClients {

    static final Duration HEALTH_READ_TIMEOUT = Duration.ofSeconds(3);

    private final RestClient.Builder builder;
    private final ClientHttpRequestFactoryBuilder<?> factories;
    private final HttpClientSettings settings;

    ServiceClients(
            RestClient.Builder builder, ClientHttpRequestFactoryBuilder<?> factories, HttpClientSettings settings) {
        this.builder = builder;
        this.factories = factories;
        this.settings = settings;
    }

    /**
     * The APIs' numbers read as written (an adherence of 0.000 stays 0.000, not a double's 0.0), so the pages
     * show the API's own numbers. Static: the JSON mapper is built before this configuration's clients.
     */
    @Bean
    static JsonMapperBuilderCustomizer apiNumbersAsWritten() {
        return builder -> builder.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /**
     * A token a service refuses as invalid (401) is removed from the session: the next page signs the person
     * in again. (A 403 means the role may not: the token stays.)
     */
    @Bean
    OAuth2ClientHttpRequestInterceptor relayPersonToken(
            OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientRepository authorizedClients) {
        OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setClientRegistrationIdResolver(request -> WebProperties.REGISTRATION_ID);
        interceptor.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
        return interceptor;
    }

    @Bean
    OutcomesApi outcomesApi(OAuth2ClientHttpRequestInterceptor relay, WebProperties web) {
        return new OutcomesApi(relaying(relay, web.outcomesUri()), health(web.outcomesUri()));
    }

    @Bean
    IntakeApi intakeApi(OAuth2ClientHttpRequestInterceptor relay, WebProperties web) {
        return new IntakeApi(
                relaying(relay, web.intakeUri()), health(web.intakeUri()), downloading(relay, web.intakeUri()));
    }

    /** Only its public health: the person's token is for the services, so none is sent here. */
    @Bean
    AuthorizationServerApi authorizationServerApi(WebProperties web) {
        return new AuthorizationServerApi(health(web.authInternal()));
    }

    @Bean
    TreatmentApi treatmentApi(OAuth2ClientHttpRequestInterceptor relay, WebProperties web) {
        return new TreatmentApi(
                relaying(relay, web.treatmentUri()),
                health(web.treatmentUri()),
                downloading(relay, web.treatmentUri()));
    }

    /** Its health only, and only where the stack runs it. */
    @Bean
    FhirFacadeApi fhirFacadeApi(WebProperties web) {
        return new FhirFacadeApi(web.fhirFacade() ? health(web.fhirUri()) : null);
    }

    /**
     * For a long download relayed as it comes: the JDK client's read timeout bounds the whole exchange, the
     * plain {@code HttpURLConnection}'s each read, so a large file on a slow link is not cut off.
     */
    private RestClient downloading(OAuth2ClientHttpRequestInterceptor relay, String uri) {
        return builder.clone()
                .baseUrl(uri)
                .requestInterceptor(relay)
                .requestFactory(ClientHttpRequestFactoryBuilder.simple().build(settings))
                .build();
    }

    private RestClient relaying(OAuth2ClientHttpRequestInterceptor relay, String uri) {
        return builder.clone().baseUrl(uri).requestInterceptor(relay).build();
    }

    /**
     * A public health endpoint's client: no token (one that can no longer be refreshed must not hide every
     * service's health from ops), and an answer within {@link #HEALTH_READ_TIMEOUT} or the service counts as
     * unreachable. The application's client settings otherwise (the TLS bundle that trusts the services).
     */
    private RestClient health(String uri) {
        return builder.clone()
                .baseUrl(uri)
                .requestFactory(factories.build(settings.withReadTimeout(HEALTH_READ_TIMEOUT)))
                .build();
    }
}
