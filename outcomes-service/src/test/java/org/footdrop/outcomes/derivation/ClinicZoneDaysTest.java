package org.footdrop.outcomes.derivation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.footdrop.contract.series.InjectionSeries;
import org.footdrop.contract.vocabulary.Solution;
import org.junit.jupiter.api.Test;

/**
 * Outcomes count days as the write side does: with the clinic's zone (not UTC), the series outcomes
 * derives has the dates, intervals and spacings of the contract's numbering, which treatment-service
 * shows for the same injections.
 */
class ClinicZoneDaysTest {

    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    @Test
    void shouldCountTheSameCalendarDaysAsTheWriteSideInANonUtcZone() {
        // given injections near midnight UTC: 23:30 UTC on Mar 1 is Mar 2 in Auckland
        List<String> given = List.of("2026-03-01T23:30:00Z", "2026-03-15T01:00:00Z", "2026-04-12T11:30:00Z");
        PatientHistory patient = new PatientHistory();
        given.forEach(at -> patient.injection(at, Solution.PRP));

        // when outcomes derives the series with the clinic's zone
        var series = new OutcomeDeriver(OutcomeDefinitions.defaults(), AUCKLAND)
                .derive(patient.facts(), LocalDate.parse("2026-06-01"))
                .injections();
        var writeSide = InjectionSeries.number(
                given.stream().map(Instant::parse).toList(),
                at -> new InjectionSeries.Key(
                        at, null, UUID.nameUUIDFromBytes(at.toString().getBytes())),
                AUCKLAND);

        // then the same dates, intervals and spacings: Mar 2, Mar 15 (13 days, early), Apr 12 (28 days, 23:30 there)
        assertThat(series)
                .extracting(PatientOutcome.SeriesEntry::date)
                .containsExactlyElementsOf(
                        writeSide.stream().map(InjectionSeries.Entry::date).toList());
        assertThat(series)
                .extracting(PatientOutcome.SeriesEntry::intervalDays)
                .containsExactly(null, 13L, 28L)
                .containsExactlyElementsOf(writeSide.stream()
                        .map(InjectionSeries.Entry::intervalDays)
                        .toList());
        assertThat(series).extracting(PatientOutcome.SeriesEntry::day).containsExactly(0L, 13L, 41L);
        assertThat(series.get(0).date()).hasToString("2026-03-02");
    }
}
