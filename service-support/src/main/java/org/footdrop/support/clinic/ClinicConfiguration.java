package org.footdrop.support.clinic;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;

/** Every service reads the clinic's calendar from one property. */
@AutoConfiguration
@EnableConfigurationProperties(ClinicCalendar.class)
public final class ClinicConfiguration {

    /** Set, the old outcomes-only property would be silently ignored: refuse to start instead. */
    ClinicConfiguration(Environment environment) {
        if (environment.containsProperty("footdrop.outcomes.clinic-zone")) {
            throw new IllegalStateException(
                    "footdrop.outcomes.clinic-zone is no longer read: set footdrop.clinic-zone (every service reads it)");
        }
    }
}
