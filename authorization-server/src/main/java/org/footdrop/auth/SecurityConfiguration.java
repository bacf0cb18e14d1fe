package org.footdrop.auth;

import java.util.List;
import java.util.stream.Stream;
import org.footdrop.auth.token.DefaultScopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains and nothing else: the OAuth2 endpoints, and a public health probe. Declaring
 * them replaces Boot's defaults, which add OpenID Connect and a login form this server has no use
 * for (there are no users).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http, AuthorizationServerSettings settings) {
        http.oauth2AuthorizationServer(server -> {
            // The flows for users are not offered: their requests never reach the server's filters
            // (given a client without redirect URIs, the stock authorize endpoint even fails with a 500).
            RequestMatcher userFlows = new OrRequestMatcher(Stream.of(
                            settings.getAuthorizationEndpoint(),
                            settings.getPushedAuthorizationRequestEndpoint(),
                            settings.getDeviceAuthorizationEndpoint(),
                            settings.getDeviceVerificationEndpoint())
                    .map(path -> (RequestMatcher)
                            PathPatternRequestMatcher.withDefaults().matcher(path))
                    .toList());
            http.securityMatcher(
                    new AndRequestMatcher(server.getEndpointsMatcher(), new NegatedRequestMatcher(userFlows)));
            server.tokenEndpoint(
                    token -> token.authenticationProviders(providers -> providers.replaceAll(DefaultScopes::wrap)));
            // Advertise what the clients can actually use.
            server.authorizationServerMetadataEndpoint(metadata ->
                    metadata.authorizationServerMetadataCustomizer(document -> document.grantTypes(
                                    grants -> replace(grants, AuthorizationGrantType.CLIENT_CREDENTIALS.getValue()))
                            .tokenEndpointAuthenticationMethods(methods -> replace(
                                    methods,
                                    ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue(),
                                    ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue()))));
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain healthOnly(HttpSecurity http) {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                .permitAll()
                .anyRequest()
                .denyAll());
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.requestCache(cache -> cache.disable());
        return http.build();
    }

    private static void replace(List<String> values, String... with) {
        values.clear();
        values.addAll(List.of(with));
    }
}
