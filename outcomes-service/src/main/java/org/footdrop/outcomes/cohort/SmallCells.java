package org.footdrop.outcomes.cohort;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-cell suppression of a category breakdown inside a reported group. A count under the
 * minimum is suppressed (primary). When that would leave exactly one cell hidden, the group's n
 * minus the shown cells would give it away, so the next smallest cell is hidden too
 * (complementary).
 */
final class SmallCells {

    private SmallCells() {}

    static Map<String, Count> suppress(Map<String, Integer> counts, int minimum) {
        Map<String, Count> shown = new LinkedHashMap<>();
        counts.forEach((category, n) -> shown.put(category, Count.of(n, minimum)));
        List<String> small = counts.entrySet().stream()
                .filter(e -> e.getValue() < minimum)
                .map(Map.Entry::getKey)
                .toList();
        if (small.size() == 1) {
            counts.entrySet().stream()
                    .filter(e -> e.getValue() >= minimum)
                    .min(Comparator.comparingInt(Map.Entry<String, Integer>::getValue)
                            .thenComparing(Map.Entry::getKey))
                    .ifPresent(next -> shown.put(next.getKey(), Count.HIDDEN));
        }
        return shown;
    }
}
