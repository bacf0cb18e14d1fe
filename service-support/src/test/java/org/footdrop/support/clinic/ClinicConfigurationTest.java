package org.footdrop.support.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** One property gives every service the clinic's calendar; the old outcomes-only one stops a start. */
class ClinicConfigurationTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ClinicConfiguration.class));

    @Test
    void shouldReadTheClinicZoneFromOneProperty() {
        context.withPropertyValues("footdrop.clinic-zone=Pacific/Auckland").run(started -> {
            ClinicCalendar calendar = started.getBean(ClinicCalendar.class);
            assertThat(calendar.clinicZone()).isEqualTo(ZoneId.of("Pacific/Auckland"));
            assertThat(calendar.dateOf(Instant.parse("2026-03-01T23:30:00Z"))).hasToString("2026-03-02");
        });
        context.run(started ->
                assertThat(started.getBean(ClinicCalendar.class).clinicZone()).isEqualTo(ZoneId.of("UTC")));
    }

    @Test
    void shouldRefuseToStartWithTheRetiredOutcomesZoneProperty() {
        context.withPropertyValues("footdrop.outcomes.clinic-zone=Europe/Paris")
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("set footdrop.clinic-zone"));
    }
}
