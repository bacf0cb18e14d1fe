package org.footdrop.outcomes.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Category cells inside a reported group: shown as integers or typed as suppressed, never a string. */
class SmallCellsTest {

    @Test
    void shouldShowCellsAtOrAboveTheMinimum() {
        assertThat(SmallCells.suppress(counts("FEMALE", 7, "MALE", 5), 5))
                .containsExactly(Map.entry("FEMALE", new Count(7, false)), Map.entry("MALE", new Count(5, false)));
    }

    @Test
    void shouldHideTheNextSmallestCellWhenOnlyOneIsSmall() {
        // n = 12: showing 7 and 4 would give the hidden 1 away by subtraction
        assertThat(SmallCells.suppress(counts("A", 7, "B", 4, "C", 1), 5))
                .containsExactly(
                        Map.entry("A", new Count(7, false)),
                        Map.entry("B", Count.HIDDEN),
                        Map.entry("C", Count.HIDDEN));
        // one small cell beside two large ones: the smaller large one goes too
        assertThat(SmallCells.suppress(counts("A", 9, "B", 6, "C", 2), 5))
                .containsExactly(
                        Map.entry("A", new Count(9, false)),
                        Map.entry("B", Count.HIDDEN),
                        Map.entry("C", Count.HIDDEN));
    }

    @Test
    void shouldLeaveOthersShownWhenTwoOrMoreCellsAreAlreadyHidden() {
        assertThat(SmallCells.suppress(counts("A", 9, "B", 2, "C", 3), 5))
                .containsExactly(
                        Map.entry("A", new Count(9, false)),
                        Map.entry("B", Count.HIDDEN),
                        Map.entry("C", Count.HIDDEN));
    }

    private static Map<String, Integer> counts(Object... pairs) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            counts.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return counts;
    }
}
