package org.footdrop.outcomes.statistics;

/**
 * A point estimate with its 95% interval, at full double precision (rounding is the display's
 * job); the interval is null where the method needs more values than there are (mean: 2, median: 6).
 */
public record Estimate(double value, Double lower, Double upper) {}
