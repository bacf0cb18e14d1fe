package org.footdrop.contract.vocabulary;

/**
 * Spacing of the nth injection (n >= 2): calendar days since the previous one. The clinic spaces
 * injections 2 to 6 weeks apart: EARLY < 14 days, IN_WINDOW 14..42, LATE > 42.
 */
public enum Spacing {
    EARLY,
    IN_WINDOW,
    LATE;

    public static final int WINDOW_START_DAYS = 14;
    public static final int WINDOW_END_DAYS = 42;

    public static Spacing of(long daysSincePrevious) {
        if (daysSincePrevious < WINDOW_START_DAYS) {
            return EARLY;
        }
        return daysSincePrevious <= WINDOW_END_DAYS ? IN_WINDOW : LATE;
    }
}
