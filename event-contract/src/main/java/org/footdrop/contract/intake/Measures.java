package org.footdrop.contract.intake;

import java.math.BigDecimal;

/**
 * The measures of one assessment, named as everywhere else in the system. MRC grades are strings
 * "0".."5" with an optional "-" or "+" (ordinal, never averaged); decimals are exact.
 *
 * @param gaitSpeedComfortable 10-metre walk, m/s, 0.01 resolution
 * @param gaitSpeedFast 10-metre walk, m/s, 0.01 resolution
 * @param timedUpAndGo seconds, 0.1 resolution
 * @param functionalGaitAssessment 0-30
 * @param lefs Lower Extremity Functional Scale, 0-80
 * @param painNrs pain numeric rating scale, 0-10
 */
public record Measures(
        String mrcAnkleDorsiflexion,
        String mrcExtensorHallucisLongus,
        String mrcAnkleEversion,
        String mrcAnkleInversion,
        String mrcHipAbduction,
        BigDecimal gaitSpeedComfortable,
        BigDecimal gaitSpeedFast,
        BigDecimal timedUpAndGo,
        Integer functionalGaitAssessment,
        Integer lefs,
        Integer painNrs) {}
