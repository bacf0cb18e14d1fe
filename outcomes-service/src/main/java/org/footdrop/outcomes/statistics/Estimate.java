package org.footdrop.outcomes.statistics;

/**
 * A point estimate with its 95% interval; the interval is null where the method needs more values
 * than there are (mean: 2, median: 6).
 */
public record Estimate(double value, Double lower, Double upper) {

    static Estimate of(double value, Double lower, Double upper) {
        return new Estimate(round(value), lower == null ? null : round(lower), upper == null ? null : round(upper));
    }

    /** Reported to 4 decimals: more than any clinical measure here resolves. */
    static double round(double value) {
        return Math.round(value * 10_000d) / 10_000d;
    }
}
