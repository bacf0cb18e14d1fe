package org.footdrop.support.clinic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clinic's calendar: days are calendar dates in its time zone ({@code footdrop.clinic-zone},
 * UTC by default), on the write side and in outcomes alike. The one place the zone is read, so
 * that the services cannot count days differently.
 */
@ConfigurationProperties("footdrop")
public record ClinicCalendar(ZoneId clinicZone) {

    public ClinicCalendar {
        clinicZone = Objects.requireNonNullElse(clinicZone, ZoneId.of("UTC"));
    }

    public static ClinicCalendar utc() {
        return new ClinicCalendar(null);
    }

    /** The clinic's calendar date of an instant. */
    public LocalDate dateOf(Instant instant) {
        return instant.atZone(clinicZone).toLocalDate();
    }
}
