package org.footdrop.webapp;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in the pages are written as they are, not looked up as static resources. The WebJars locator turns
 * Spring's resource chain on, and with it Boot registers {@link ResourceUrlEncodingFilter}: it asks the
 * resource resolvers about every link a page renders, and since static resources are served under
 * {@code /**}, a link such as {@code /patients/fd-pt-1} was searched for in each static location inside the
 * jar, found nowhere, and searched for again on the next page (misses are not cached). The data-quality
 * list, a hundred patient links a check, spent most of its time there (docs/performance.md). The chain still
 * serves {@code /webjars/...} without a version in the address; only the rewriting of links is left out,
 * which nothing here needs (no content-hashed file names).
 */
@Configuration
class StaticResources {

    /** Present and disabled, so Boot registers none of its own (it backs off when one exists). */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterLeftOut() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
