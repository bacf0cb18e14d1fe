package org.footdrop.outcomes.derivation;

import java.math.BigDecimal;
import java.util.function.Function;
import org.footdrop.contract.intake.Measures;

/**
 * The measures, named as in requests, events and queries, with the direction of improvement and
 * the default responder threshold (DESIGN.md "Outcome definitions").
 */
public enum Measure {
    MRC_ANKLE_DORSIFLEXION("mrcAnkleDorsiflexion", Scale.MRC, true, "1", Measures::mrcAnkleDorsiflexion),
    MRC_EXTENSOR_HALLUCIS_LONGUS(
            "mrcExtensorHallucisLongus", Scale.MRC, true, "1", Measures::mrcExtensorHallucisLongus),
    MRC_ANKLE_EVERSION("mrcAnkleEversion", Scale.MRC, true, "1", Measures::mrcAnkleEversion),
    MRC_ANKLE_INVERSION("mrcAnkleInversion", Scale.MRC, true, "1", Measures::mrcAnkleInversion),
    MRC_HIP_ABDUCTION("mrcHipAbduction", Scale.MRC, true, "1", Measures::mrcHipAbduction),
    GAIT_SPEED_COMFORTABLE("gaitSpeedComfortable", Scale.DECIMAL, true, "0.10", Measures::gaitSpeedComfortable),
    GAIT_SPEED_FAST("gaitSpeedFast", Scale.DECIMAL, true, "0.10", Measures::gaitSpeedFast),
    /** No MCID is published; 1.14 s is a detectable change. Lower is better. */
    TIMED_UP_AND_GO("timedUpAndGo", Scale.DECIMAL, false, "1.14", Measures::timedUpAndGo),
    FUNCTIONAL_GAIT_ASSESSMENT(
            "functionalGaitAssessment", Scale.INTEGER, true, "4", Measures::functionalGaitAssessment),
    LEFS("lefs", Scale.INTEGER, true, "9", Measures::lefs),
    /** Lower is better. */
    PAIN_NRS("painNrs", Scale.INTEGER, false, "2", Measures::painNrs);

    /** MRC grades are ordinal: report medians and proportions, never means. */
    public enum Scale {
        MRC,
        DECIMAL,
        INTEGER
    }

    private final String wireName;
    private final Scale scale;
    private final boolean higherIsBetter;
    private final BigDecimal defaultThreshold;
    private final Function<Measures, Object> reading;

    Measure(
            String wireName,
            Scale scale,
            boolean higherIsBetter,
            String defaultThreshold,
            Function<Measures, Object> reading) {
        this.wireName = wireName;
        this.scale = scale;
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
