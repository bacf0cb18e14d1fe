package org.footdrop.outcomes.statistics;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.stat.descriptive.moment.StandardDeviation;
import org.hipparchus.stat.interval.BinomialProportion;
import org.hipparchus.stat.interval.ConfidenceInterval;

/** The summaries docs/outcome-definitions.md defines, each with its 95% interval. */
public final class Summaries {

    /** z for a two-sided 95% interval, as docs/outcome-definitions.md fixes it. */
    public static final double Z = 1.959963985;

    /** medianRankK by m: cohorts ask for the same few sizes again and again. */
    private static final Map<Integer, Integer> MEDIAN_RANKS = new ConcurrentHashMap<>();

    private Summaries() {}

    /** Mean with a t-based 95% interval (Hipparchus' t distribution); null for no values. */
    public static Estimate meanWithTInterval(double[] values) {
        int n = values.length;
        if (n == 0) {
            return null;
        }
        double mean = Arrays.stream(values).sum() / n;
        if (n < 2) {
            return new Estimate(mean, null, null);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double standardError = Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        return new Estimate(mean, mean - t * standardError, mean + t * standardError);
    }

    /**
     * Median (the mean of the two middle values for an even count) with the distribution-free
     * interval [x(k), x(m+1-k)], k the largest with P(Binomial(m, 1/2) <= k-1) <= 0.025; the
     * interval needs 6 values.
     */
    public static Estimate medianWithInterval(double[] values) {
        int m = values.length;
        if (m == 0) {
            return null;
        }
        double[] x = values.clone();
        Arrays.sort(x);
        double median = m % 2 == 1 ? x[m / 2] : (x[m / 2 - 1] + x[m / 2]) / 2;
        if (m < 6) {
            return new Estimate(median, null, null);
        }
        int k = medianRankK(m);
        return new Estimate(median, x[k - 1], x[m - k]);
    }

    /**
     * The largest k with P(Binomial(m, 1/2) <= k - 1) <= 0.025: k - 1 is the largest j with
     * P(X <= j) <= 0.025. The CDF rises with j, so a binary search finds it in log m steps; each
     * comparison with 0.025 is exact where the double CDF is too close to call ({@link
     * #cdfAtMostOneFortieth}).
     */
    static int medianRankK(int m) {
        return MEDIAN_RANKS.computeIfAbsent(m, Summaries::searchMedianRankK);
    }

    private static int searchMedianRankK(int m) {
        BinomialDistribution binomial = new BinomialDistribution(m, 0.5);
        int low = -1; // P(X <= -1) = 0 <= 0.025
        int high = m / 2; // P(X <= m/2) >= 0.5 > 0.025
        while (high - low > 1) {
            int mid = (low + high) >>> 1;
            if (cdfAtMostOneFortieth(binomial.cumulativeProbability(mid), m, mid)) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low + 1;
    }

    /**
     * P(Binomial(m, 1/2) <= j) <= 0.025. The CDF is a fraction over 2^m, so it can come closer to
     * 1/40 than a double resolves: then 40 * sum of C(m, i) for i <= j is compared with 2^m exactly.
     */
    static boolean cdfAtMostOneFortieth(double cdf, int m, int j) {
        if (Math.abs(cdf - 0.025) > 1e-9) {
            return cdf <= 0.025;
        }
        BigInteger sum = BigInteger.ZERO;
        BigInteger binomial = BigInteger.ONE; // C(m, 0)
        for (int i = 0; i <= j; i++) {
            sum = sum.add(binomial);
            binomial = binomial.multiply(BigInteger.valueOf(m - i)).divide(BigInteger.valueOf(i + 1));
        }
        return sum.multiply(BigInteger.valueOf(40)).compareTo(BigInteger.ONE.shiftLeft(m)) <= 0;
    }

    /** The sample standard deviation (n - 1); null for fewer than two values. */
    public static Double standardDeviation(double[] values) {
        return values.length < 2 ? null : new StandardDeviation().evaluate(values);
    }

    /** A proportion with its Wilson score 95% interval (Hipparchus); null for no trials. */
    public static Estimate wilson(int successes, int trials) {
        if (trials == 0) {
            return null;
        }
        ConfidenceInterval interval =
                BinomialProportion.getWilsonScoreInterval(trials, (double) successes / trials, 0.95);
        return new Estimate((double) successes / trials, interval.getLowerBound(), interval.getUpperBound());
    }
}
