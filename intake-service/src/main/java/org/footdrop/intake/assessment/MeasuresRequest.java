package org.footdrop.intake.assessment;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.footdrop.contract.intake.Measure;

/**
 * The measures of one assessment, named as in events, projections and queries; names, ranges and
 * decimals as {@link Measure} defines them (MeasuresRequestAgreementTest holds them equal). MRC grades are
 * strings; decimals are kept exactly at their clinical resolution.
 */
public record MeasuresRequest(
        @Pattern(regexp = MRC, message = MRC_REASON) String mrcAnkleDorsiflexion,
        @Pattern(regexp = MRC, message = MRC_REASON) String mrcExtensorHallucisLongus,
        @Pattern(regexp = MRC, message = MRC_REASON) String mrcAnkleEversion,
        @Pattern(regexp = MRC, message = MRC_REASON) String mrcAnkleInversion,
        @Pattern(regexp = MRC, message = MRC_REASON) String mrcHipAbduction,

        @DecimalMin("0.00") @DecimalMax("5.00") @Digits(integer = 1, fraction = 2, message = GAIT_SPEED)
        BigDecimal gaitSpeedComfortable,

        @DecimalMin("0.00") @DecimalMax("5.00") @Digits(integer = 1, fraction = 2, message = GAIT_SPEED)
        BigDecimal gaitSpeedFast,

        @DecimalMin("0.0")
        @DecimalMax("600.0")
        @Digits(integer = 3, fraction = 1, message = "seconds to 0.1 s resolution")
        BigDecimal timedUpAndGo,

        @Min(0) @Max(30) Integer functionalGaitAssessment,
        @Min(0) @Max(80) Integer lefs,
        @Min(0) @Max(10) Integer painNrs) {

    static final String MRC = Measure.MRC_GRADE_PATTERN;
    static final String MRC_REASON =
            "must be an MRC grade \"0\"..\"5\" with an optional - or + " + "(\"0-\", \"0+\" and \"5+\" are not grades)";
    static final String GAIT_SPEED = "m/s to 0.01 resolution";

    boolean isEmpty() {
        return Stream.of(
                        mrcAnkleDorsiflexion,
                        mrcExtensorHallucisLongus,
                        mrcAnkleEversion,
                        mrcAnkleInversion,
                        mrcHipAbduction,
                        gaitSpeedComfortable,
                        gaitSpeedFast,
                        timedUpAndGo,
                        functionalGaitAssessment,
                        lefs,
                        painNrs)
                .allMatch(java.util.Objects::isNull);
    }

    boolean hasGaitTest() {
        return gaitSpeedComfortable != null
                || gaitSpeedFast != null
                || timedUpAndGo != null
                || functionalGaitAssessment != null;
    }
}
