package org.footdrop.outcomes.statistics;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The Kaplan-Meier survival S and Greenwood's sum G as exact fractions, for the decisions that
 * compare them with 1/2: S is a product of rationals and can be exactly 1/2, where a running
 * product of doubles may land one ulp above it. The fractions are kept unreduced (each step
 * multiplies by small integers, which is cheap); the limits' comparisons, which multiply large
 * numbers, are made exactly only where the doubles cannot decide.
 */
final class ExactSurvival {

    /** z as the exact decimal the definitions fix, as a fraction ZN / ZD. */
    private static final BigDecimal Z = new BigDecimal("1.959963985");

    private static final BigInteger ZN = Z.unscaledValue();
    private static final BigInteger ZD = BigInteger.TEN.pow(Z.scale());
    /** Far above the doubles' error here (a few hundred ulps at most), far below any real gap. */
    private static final double UNDECIDED = 1e-9;

    private BigInteger survivalNumerator = BigInteger.ONE;
    private BigInteger survivalDenominator = BigInteger.ONE;
    private BigInteger greenwoodNumerator = BigInteger.ZERO;
    private BigInteger greenwoodDenominator = BigInteger.ONE;

    /** A day with events: S times (n - d) / n; G plus d / (n (n - d)) while anyone remains. */
    void events(int atRisk, int events) {
        BigInteger n = BigInteger.valueOf(atRisk);
        BigInteger survivors = BigInteger.valueOf(atRisk - events);
        survivalNumerator = survivalNumerator.multiply(survivors);
        survivalDenominator = survivalDenominator.multiply(n);
        if (atRisk > events) {
            BigInteger term = n.multiply(survivors);
            greenwoodNumerator = greenwoodNumerator
                    .multiply(term)
                    .add(BigInteger.valueOf(events).multiply(greenwoodDenominator));
            greenwoodDenominator = greenwoodDenominator.multiply(term);
        }
    }

    /** S, correctly rounded to a double: the same fraction every decision here is made on. */
    double survival() {
        int shift = Math.max(0, survivalNumerator.bitLength() - 64);
        return survivalNumerator.shiftRight(shift).doubleValue()
                / survivalDenominator.shiftRight(shift).doubleValue();
    }

    /** S <= 1/2, exactly. */
    boolean atOrBelowHalf() {
        return survivalNumerator.shiftLeft(1).compareTo(survivalDenominator) <= 0;
    }

    /** S - z*se <= 1/2 (se = S sqrt(G)), given the doubles of S and se; exact near equality. */
    boolean lowerLimitAtOrBelowHalf(double survival, double standardError) {
        double gap = survival - Summaries.Z * standardError - 0.5;
        if (Math.abs(gap) > UNDECIDED) {
            return gap < 0;
        }
        // S <= 1/2 decides it; otherwise both sides are positive: (S - 1/2)^2 <= z^2 S^2 G, that is
        // (2a - b)^2 ZD^2 h <= 4 ZN^2 a^2 g for S = a/b, G = g/h.
        if (atOrBelowHalf()) {
            return true;
        }
        BigInteger difference = survivalNumerator.shiftLeft(1).subtract(survivalDenominator);
        return difference
                        .pow(2)
                        .multiply(ZD.pow(2))
                        .multiply(greenwoodDenominator)
                        .compareTo(zSquaredS2G())
                <= 0;
    }

    /** S + z*se <= 1/2: never above 1/2; else z^2 S^2 G <= (1/2 - S)^2, exact near equality. */
    boolean upperLimitAtOrBelowHalf(double survival, double standardError) {
        double gap = survival + Summaries.Z * standardError - 0.5;
        if (Math.abs(gap) > UNDECIDED) {
            return gap < 0;
        }
        if (!atOrBelowHalf()) {
            return false;
        }
        BigInteger difference = survivalDenominator.subtract(survivalNumerator.shiftLeft(1));
        return zSquaredS2G().compareTo(difference.pow(2).multiply(ZD.pow(2)).multiply(greenwoodDenominator)) <= 0;
    }

    /** 4 ZN^2 a^2 g: z^2 S^2 G scaled by 4 b^2 h ZD^2, the common denominator of both comparisons. */
    private BigInteger zSquaredS2G() {
        return ZN.pow(2)
                .multiply(survivalNumerator.pow(2))
                .multiply(greenwoodNumerator)
                .shiftLeft(2);
    }
}
