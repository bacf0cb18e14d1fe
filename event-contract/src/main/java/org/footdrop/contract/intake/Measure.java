package org.footdrop.contract.intake;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * The measures, defined once: the name used in requests, events, projections and queries, the
 * unit, the scale and its range, the decimals kept, the direction of improvement and the default
 * responder threshold (published minimal clinically important differences; MRC one full grade by
 * clinical convention; Timed Up and Go a detectable change, no MCID being published). The event
 * schemas, the assessment request's validation and the outcome definitions agree with this, each
 * held to it by a test.
 */
public enum Measure {
    MRC_ANKLE_DORSIFLEXION(
            "mrcAnkleDorsiflexion", Scale.MRC, "grade", null, null, 0, true, "1", Measures::mrcAnkleDorsiflexion),
    MRC_EXTENSOR_HALLUCIS_LONGUS(
            "mrcExtensorHallucisLongus",
            Scale.MRC,
            "grade",
            null,
            null,
            0,
            true,
            "1",
            Measures::mrcExtensorHallucisLongus),
    MRC_ANKLE_EVERSION("mrcAnkleEversion", Scale.MRC, "grade", null, null, 0, true, "1", Measures::mrcAnkleEversion),
    MRC_ANKLE_INVERSION("mrcAnkleInversion", Scale.MRC, "grade", null, null, 0, true, "1", Measures::mrcAnkleInversion),
    MRC_HIP_ABDUCTION("mrcHipAbduction", Scale.MRC, "grade", null, null, 0, true, "1", Measures::mrcHipAbduction),
    /** 10-metre walk at a comfortable pace. */
    GAIT_SPEED_COMFORTABLE(
            "gaitSpeedComfortable", Scale.DECIMAL, "m/s", "0", "5", 2, true, "0.10", Measures::gaitSpeedComfortable),
    /** 10-metre walk as fast as safely possible. */
    GAIT_SPEED_FAST("gaitSpeedFast", Scale.DECIMAL, "m/s", "0", "5", 2, true, "0.10", Measures::gaitSpeedFast),
    /** No MCID is published; 1.14 s is a detectable change. Lower is better. */
    TIMED_UP_AND_GO("timedUpAndGo", Scale.DECIMAL, "s", "0", "600", 1, false, "1.14", Measures::timedUpAndGo),
    FUNCTIONAL_GAIT_ASSESSMENT(
            "functionalGaitAssessment",
            Scale.INTEGER,
            "points",
            "0",
            "30",
            0,
            true,
            "4",
            Measures::functionalGaitAssessment),
    /** Lower Extremity Functional Scale. */
    LEFS("lefs", Scale.INTEGER, "points", "0", "80", 0, true, "9", Measures::lefs),
    /** Pain numeric rating scale. Lower is better. */
    PAIN_NRS("painNrs", Scale.INTEGER, "points", "0", "10", 0, false, "2", Measures::painNrs);

    /** MRC grades are ordinal ("0".."5" with an optional - or +): report medians and proportions, never means. */
    public enum Scale {
        MRC,
        DECIMAL,
        INTEGER
    }

    /** An MRC grade: "0".."5" with an optional - or +; "0-", "0+" and "5+" are not grades. */
    public static final String MRC_GRADE_PATTERN = "0|[1-4][-+]?|5-?";

    private final String wireName;
    private final Scale scale;
    private final String unit;
    private final BigDecimal minimum;
    private final BigDecimal maximum;
    private final int decimals;
    private final boolean higherIsBetter;
    private final BigDecimal defaultThreshold;
    private final Function<Measures, Object> reading;

    Measure(
            String wireName,
            Scale scale,
            String unit,
            String minimum,
            String maximum,
            int decimals,
            boolean higherIsBetter,
            String defaultThreshold,
            Function<Measures, Object> reading) {
        this.wireName = wireName;
        this.scale = scale;
        this.unit = unit;
        this.minimum = minimum == null ? null : new BigDecimal(minimum);
        this.maximum = maximum == null ? null : new BigDecimal(maximum);
        this.decimals = decimals;
        this.higherIsBetter = higherIsBetter;
        this.defaultThreshold = new BigDecimal(defaultThreshold);
        this.reading = reading;
    }

    public String wireName() {
        return wireName;
    }

    public Scale scale() {
        return scale;
    }

    /** UCUM-style unit as people read it: m/s, s, points, grade. */
    public String unit() {
        return unit;
    }

    /** The lowest value on the scale; null for MRC grades (strings). */
    public BigDecimal minimum() {
        return minimum;
    }

    /** The highest value on the scale; null for MRC grades (strings). */
    public BigDecimal maximum() {
        return maximum;
    }

    /** Decimals a value is kept to: gait speed 0.01 m/s, Timed Up and Go 0.1 s, scores whole. */
    public int decimals() {
        return decimals;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public BigDecimal defaultThreshold() {
        return defaultThreshold;
    }
    /** The value as recorded ("4-", 0.62, 14), or null when the assessment did not measure it. */
    public Object raw(Measures measures) {
        return measures == null ? null : reading.apply(measures);
    }

    /**
     * The value to compute with, exactly: the integer grade for MRC (modifiers dropped, so 3+ to 4-
     * is +1), the decimal or integer itself otherwise.
     */
    public BigDecimal numeric(Object raw) {
        return switch (scale) {
            case MRC -> BigDecimal.valueOf(Character.digit(((String) raw).charAt(0), 10));
            case DECIMAL -> (BigDecimal) raw;
            case INTEGER -> BigDecimal.valueOf(((Number) raw).longValue());
        };
    }

    /** Change expressed as improvement: positive is better, whichever way the scale runs. */
    public BigDecimal improvement(BigDecimal change) {
        return higherIsBetter ? change : change.negate();
    }

    public static Measure fromWireName(String name) {
        for (Measure measure : values()) {
            if (measure.wireName.equals(name)) {
                return measure;
            }
        }
        throw new IllegalArgumentException("unknown measure " + name);
    }
}
