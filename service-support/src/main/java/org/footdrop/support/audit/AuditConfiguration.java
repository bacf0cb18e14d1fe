package org.footdrop.support.audit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The audit trail of every service: the append-only log and the filter that feeds it. */
@AutoConfiguration
public class AuditConfiguration {

    @Bean
    AuditLog auditLog(
            MongoTemplate mongo, MeterRegistry meters, @Value("${footdrop.audit.queue-capacity:10000}") int capacity) {
        return new AuditLog(mongo, meters, capacity);
    }

    @Bean
    AuditTrail auditTrail(
            AuditLog auditLog, ObjectProvider<Clock> clock, @Value("${spring.application.name}") String service) {
        return new AuditTrail(auditLog, service, clock.getIfAvailable(Clock::systemUTC));
    }

    /** Outermost, ahead of the size limit and security, so what they turn away is audited too. */
    @Bean
    FilterRegistrationBean<AuditFilter> auditFilter(
            AuditLog auditLog, ObjectProvider<Clock> clock, @Value("${spring.application.name}") String service) {
        var registration = new FilterRegistrationBean<>(
                new AuditFilter(auditLog, service, clock.getIfAvailable(Clock::systemUTC)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
