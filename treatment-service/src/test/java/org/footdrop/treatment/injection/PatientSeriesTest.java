package org.footdrop.treatment.injection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.footdrop.contract.vocabulary.Guidance;
import org.footdrop.contract.vocabulary.InjectionTarget;
import org.footdrop.contract.vocabulary.InjectionTechnique;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.contract.vocabulary.Solution;
import org.footdrop.contract.vocabulary.Spacing;
import org.footdrop.support.record.RecordStatus;
import org.footdrop.support.record.StoredRecord;
import org.junit.jupiter.api.Test;

/** The series view derived from stored facts (no Spring). */
class PatientSeriesTest {

    @Test
    void shouldNumberByAdministrationTimeSkippingVoidedAndBandTheIntervals() {
        // given, in the order they were recorded: Mar 30, Mar 2 (backdated), Mar 9 (voided), May 20
        var series = PatientSeries.of(
                List.of(
                        injection("2026-03-30T09:00:00Z", RecordStatus.ACTIVE),
                        injection("2026-03-02T09:00:00Z", RecordStatus.ACTIVE),
                        injection("2026-03-09T09:00:00Z", RecordStatus.VOIDED),
                        injection("2026-05-20T09:00:00Z", RecordStatus.ACTIVE)),
                ZoneId.of("UTC"));

        // then Mar 2 is 1st; Mar 9 is voided and unnumbered; Mar 30 is 2nd, 28 days later (14..42: in
        // window); May 20 is 3rd, 51 days after Mar 30 (> 42: late)
        assertThat(series)
                .extracting(e -> e.injection().state().administeredAt().toString())
                .containsExactly(
                        "2026-03-02T09:00:00Z", "2026-03-09T09:00:00Z", "2026-03-30T09:00:00Z", "2026-05-20T09:00:00Z");
        assertThat(series).extracting(PatientSeries.Entry::nth).containsExactly(1, null, 2, 3);
        assertThat(series).extracting(PatientSeries.Entry::intervalDays).containsExactly(null, null, 28L, 51L);
        assertThat(series)
                .extracting(PatientSeries.Entry::spacing)
                .containsExactly(null, null, Spacing.IN_WINDOW, Spacing.LATE);
    }

    @Test
    void shouldCountCalendarDaysInTheClinicsTimeZone() {
        // 23:30 UTC on Mar 1 is already Mar 2 in Auckland; 13 calendar days later there is Mar 15
        var series = PatientSeries.of(
                List.of(
                        injection("2026-03-01T23:30:00Z", RecordStatus.ACTIVE),
                        injection("2026-03-15T01:00:00Z", RecordStatus.ACTIVE)),
                ZoneId.of("Pacific/Auckland"));

        assertThat(series.get(1).intervalDays()).isEqualTo(13L);
        assertThat(series.get(1).spacing()).isEqualTo(Spacing.EARLY);
    }

    private static StoredRecord<InjectionState> injection(String at, RecordStatus status) {
        var state = new InjectionState(
                "pt-1",
                Instant.parse(at),
                InjectionTechnique.NERVE_HYDRODISSECTION,
                InjectionTarget.FIBULAR_NERVE,
                null,
                Side.LEFT,
                Guidance.ULTRASOUND,
                Solution.DEXTROSE_5,
                null,
                new BigDecimal("10"),
                30,
                null,
                null);
        return new StoredRecord<>(
                UUID.randomUUID(), "pt-1", 1, status, state, Instant.parse("2026-06-01T00:00:00Z"), null, null, null);
    }
}
