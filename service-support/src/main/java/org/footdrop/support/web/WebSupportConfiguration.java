package org.footdrop.support.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the shared problem handler in every service, before Boot's own problem-details
 * handler would (that one steps back when a ResponseEntityExceptionHandler exists).
 */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@Import({ClinicalProblemHandler.class, ProblemErrorController.class, RejectionMetrics.class})
public class WebSupportConfiguration {

    static final int AFTER_SECURITY = -99;

    @Bean
    WebMvcConfigurer strictQueryParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new StrictQueryParameters());
            }
        };
    }

    /**
     * 64 KiB: a clinical record is a few hundred bytes; a body this large is a mistake or an attack.
     * Runs just after the security chain (order -100), so callers are known, and audited, before
     * their body is refused; security itself never reads a body.
     */
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${footdrop.http.max-body-bytes:65536}") long maxBodyBytes,
            @Value("${footdrop.import.max-file-size:10GB}") DataSize maxImportFile,
            MeterRegistry meters) {
        var registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(maxBodyBytes, "/api/v1/imports", maxImportFile.toBytes(), meters));
        registration.setOrder(AFTER_SECURITY);
        return registration;
    }
}
