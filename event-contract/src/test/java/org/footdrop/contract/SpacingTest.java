package org.footdrop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.footdrop.contract.vocabulary.Spacing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpacingTest {

    @ParameterizedTest
    @CsvSource({"0,EARLY", "13,EARLY", "14,IN_WINDOW", "28,IN_WINDOW", "42,IN_WINDOW", "43,LATE", "365,LATE"})
    void shouldBandDaysSinceThePreviousInjectionInclusively(long days, Spacing expected) {
        assertThat(Spacing.of(days)).isEqualTo(expected);
    }
}
