package org.footdrop.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.time.Clock;
import java.util.List;
import org.footdrop.support.audit.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class FhirServerConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    /** Warmed here, before the server reports ready: the first validation loads the whole specification. */
    @Bean
    ResourceValidator resourceValidator(FhirContext fhirContext) {
        ResourceValidator validator = new ResourceValidator(fhirContext);
        validator.warm();
        return validator;
    }

    @Bean
    ServletRegistrationBean<FacadeServer> fhirServlet(
            FhirContext fhirContext,
            List<IResourceProvider> providers,
            List<SystemProvider> systemProviders,
            List<FacadeInterceptor> featureInterceptors) {
        List<Object> interceptors = new java.util.ArrayList<>(List.of(new ErrorMasking(), new CapabilityNotes()));
        interceptors.addAll(featureInterceptors);
        var registration = new ServletRegistrationBean<>(
                new FacadeServer(fhirContext, providers, List.<Object>copyOf(systemProviders), interceptors),
                FhirSecurityConfiguration.PATH + "/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /** After security (so a caller without a token is told that first), before anything reads the body. */
    @Bean
    FilterRegistrationBean<FhirBodyLimitFilter> fhirBodyLimitFilter(
            @Value("${footdrop.fhir.max-body-bytes:8388608}") long maxBodyBytes, FhirContext fhirContext) {
        var registration = new FilterRegistrationBean<>(new FhirBodyLimitFilter(maxBodyBytes, fhirContext));
        registration.setOrder(-98);
        return registration;
    }

    /** As the shared audit filter: outermost, so what security or the size limit turns away is recorded. */
    @Bean
    FilterRegistrationBean<FhirAuditFilter> fhirAuditFilter(
            AuditLog auditLog, ObjectProvider<Clock> clock, @Value("${spring.application.name}") String service) {
        var registration = new FilterRegistrationBean<>(
                new FhirAuditFilter(auditLog, service, clock.getIfAvailable(Clock::systemUTC)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
        return registration;
    }
}
