package org.footdrop.contract.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.footdrop.contract.vocabulary.Spacing;
import org.junit.jupiter.api.Test;

class InjectionSeriesTest {

    private static final UUID LOW = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID HIGH = UUID.fromString("ffffffff-0000-0000-0000-000000000001");

    @Test
    void shouldNumberSameTimeInjectionsByRecordingTimeThenById() {
        // given three injections at one moment: two recorded at once (id decides), one recorded earlier
        Instant at = Instant.parse("2026-03-02T09:00:00Z");
        var laterHigh = new InjectionSeries.Key(at, Instant.parse("2026-03-02T12:00:00Z"), HIGH);
        var laterLow = new InjectionSeries.Key(at, Instant.parse("2026-03-02T12:00:00Z"), LOW);
        var earlier = new InjectionSeries.Key(at, Instant.parse("2026-03-02T10:00:00Z"), HIGH);

        var series = InjectionSeries.number(List.of(laterHigh, laterLow, earlier), k -> k, ZoneId.of("UTC"));

        assertThat(series).extracting(InjectionSeries.Entry::injection).containsExactly(earlier, laterLow, laterHigh);
        assertThat(series).extracting(InjectionSeries.Entry::nth).containsExactly(1, 2, 3);
        assertThat(series).extracting(InjectionSeries.Entry::intervalDays).containsExactly(null, 0L, 0L);
        assertThat(series.get(1).spacing()).isEqualTo(Spacing.EARLY);
    }

    @Test
    void shouldCountCalendarDaysInTheClinicsTimeZone() {
        // 23:30 UTC on Mar 1 is already Mar 2 in Auckland; 13 calendar days later there is Mar 15
        var first = new InjectionSeries.Key(Instant.parse("2026-03-01T23:30:00Z"), null, LOW);
        var second = new InjectionSeries.Key(Instant.parse("2026-03-15T01:00:00Z"), null, HIGH);

        var auckland = InjectionSeries.number(List.of(second, first), k -> k, ZoneId.of("Pacific/Auckland"));
        var utc = InjectionSeries.number(List.of(second, first), k -> k, ZoneId.of("UTC"));

        assertThat(auckland.get(1).intervalDays()).isEqualTo(13L);
        assertThat(auckland.get(0).date()).hasToString("2026-03-02");
        assertThat(utc.get(1).intervalDays()).isEqualTo(14L);
        assertThat(utc.get(1).spacing()).isEqualTo(Spacing.IN_WINDOW);
    }
}
