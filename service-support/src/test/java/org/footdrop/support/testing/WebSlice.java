package org.footdrop.support.testing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import org.footdrop.support.clinic.ClinicConfiguration;
import org.footdrop.support.security.ResourceServerConfiguration;
import org.footdrop.support.web.StrictJsonConfiguration;
import org.footdrop.support.web.WebSupportConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * What a {@code @WebMvcTest} of a service's controller needs for its answers to be the real ones,
 * with no broker and no store: the shared problem handler, strict JSON, the resource server
 * checking {@link TestTokens} (add the service's access policy), the clinic calendar and a meter registry.
 * Not tagged {@code infrastructure}: such a slice runs in the fast lane.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import({
    WebSupportConfiguration.class,
    StrictJsonConfiguration.class,
    ResourceServerConfiguration.class,
    ClinicConfiguration.class,
    WebSlice.SliceBeans.class
})
@ContextConfiguration(initializers = TestAuthInitializer.class)
public @interface WebSlice {

    /** What the full application's metrics auto-configuration would bring. */
    @TestConfiguration(proxyBeanMethods = false)
    class SliceBeans {

        /** The rejection metrics and the body-size filter count into it. */
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    /**
     * The clock of intake and treatment, which otherwise comes with the outbox (it needs the
     * store); import it where the service has no clock of its own.
     */
    @TestConfiguration(proxyBeanMethods = false)
    class OutboxClock {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
