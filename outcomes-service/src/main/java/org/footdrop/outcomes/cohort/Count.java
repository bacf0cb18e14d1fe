package org.footdrop.outcomes.cohort;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A count of patients as the analyst API discloses it: an integer, or {@code "suppressed": true}
 * and no number when it is from 1 to one under the minimum (zero discloses no one).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Count(Integer n, boolean suppressed) {

    static final Count HIDDEN = new Count(null, true);

    static Count of(int n, int minimum) {
        return n > 0 && n < minimum ? HIDDEN : new Count(n, false);
    }
}
