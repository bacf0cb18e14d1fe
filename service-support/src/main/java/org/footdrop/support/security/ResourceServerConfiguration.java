package org.footdrop.support.security;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server: JWTs checked for signature, expiry, issuer and
 * audience (Boot's decoder from {@code spring.security.oauth2.resourceserver.jwt.*}), scopes as
 * roles. Only health is open; everything else needs a token and the role its {@link AccessPolicy}
 * names, and what no rule names is denied.
 */
@AutoConfiguration
@EnableWebSecurity
public class ResourceServerConfiguration {

    @Bean
    SecurityFilterChain resourceServerFilterChain(HttpSecurity http, ObjectProvider<AccessPolicy> policies)
            throws Exception {
        // Bearer tokens only: no cookies, so no session and no CSRF surface.
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .oauth2ResourceServer(server -> server.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden())
                        .jwt(jwt -> {}))
                .addFilterAfter(new CallerCaptureFilter(), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> {
                    // Error dispatches carry the original request's outcome; they are not a way in.
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    requests.requestMatchers("/actuator/health", "/actuator/health/**")
                            .permitAll();
                    requests.requestMatchers("/actuator/**").hasAuthority(Role.OPS.authority());
                    policies.orderedStream()
                            .flatMap(policy -> policy.rules().stream())
                            .forEach(rule -> {
                                var matcher = rule.method() == null
                                        ? requests.requestMatchers(rule.pattern())
                                        : requests.requestMatchers(rule.method(), rule.pattern());
                                matcher.hasAuthority(rule.role().authority());
                            });
                    // The API description is for any authenticated caller.
                    requests.requestMatchers(
                                    "/v3/api-docs",
                                    "/v3/api-docs.yaml",
                                    "/v3/api-docs/**",
                                    "/swagger-ui.html",
                                    "/swagger-ui/**")
                            .authenticated();
                    requests.anyRequest().denyAll();
                });
        return http.build();
    }
}
