package org.footdrop.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.footdrop.support.security.CallerCaptureFilter;
import org.footdrop.support.security.Role;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The FHIR endpoint's own chain, ahead of the shared one (which keeps actuator): the same bearer
 * tokens and roles (clinical-writer writes, clinician reads), but refusals are OperationOutcomes,
 * as a FHIR client expects. The CapabilityStatement and the project's CodeSystems hold no patient
 * data and are open, as FHIR servers keep them.
 */
@Configuration
class FhirSecurityConfiguration {

    static final String PATH = "/fhir";

    @Bean
    @Order(1)
    SecurityFilterChain fhirFilterChain(HttpSecurity http, FhirContext fhir) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> write(
                fhir,
                response,
                HttpServletResponse.SC_UNAUTHORIZED,
                IssueType.LOGIN,
                "A valid bearer token from the authorization server is required.");
        AccessDeniedHandler forbidden = (request, response, e) -> write(
                fhir,
                response,
                HttpServletResponse.SC_FORBIDDEN,
                IssueType.FORBIDDEN,
                "The token does not hold the role this request needs (docs/security.md, \"Roles\").");
        http.securityMatcher(PATH + "/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .oauth2ResourceServer(server -> server.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden)
                        .jwt(Customizer.withDefaults()))
                .addFilterAfter(new CallerCaptureFilter(), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET, PATH + "/metadata", PATH + "/CodeSystem", PATH + "/CodeSystem/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, PATH + "/**")
                        .hasAuthority(Role.CLINICIAN.authority())
                        // reads sent as POST (a search's form, an operation's Parameters) are reads
                        .requestMatchers(HttpMethod.POST, PATH + "/*/_search", PATH + "/Patient/*/$everything")
                        .hasAuthority(Role.CLINICIAN.authority())
                        .requestMatchers(HttpMethod.POST, PATH + "/**")
                        .hasAuthority(Role.CLINICAL_WRITER.authority())
                        .requestMatchers(HttpMethod.PUT, PATH + "/**")
                        .hasAuthority(Role.CLINICAL_WRITER.authority())
                        .requestMatchers(HttpMethod.DELETE, PATH + "/**")
                        .hasAuthority(Role.CLINICAL_WRITER.authority())
                        .anyRequest()
                        .denyAll());
        return http.build();
    }

    private static void write(FhirContext fhir, HttpServletResponse response, int status, IssueType type, String text)
            throws IOException {
        OperationOutcome outcome = Outcomes.issue(IssueSeverity.ERROR, type, null, text);
        response.setStatus(status);
        response.setContentType("application/fhir+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(fhir.newJsonParser().encodeResourceToString(outcome));
    }
}
