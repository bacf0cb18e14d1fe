package org.footdrop.intake.diagnosis;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.footdrop.contract.vocabulary.Sex;
import org.footdrop.support.record.RecordStatus;

/**
 * A patient's corrected birth year and sex, for every diagnosis of theirs: each diagnosis carries its
 * own copy, so a correction of the patient is a correction of each. Absent values are unknown values.
 */
record DemographicsCorrection(@Min(1900) @Max(2100) Integer birthYear, Sex sex) {

    /**
     * One diagnosis of the patient after the correction: its id and revision only, since a writer may not read
     * diagnoses.
     *
     * @param amended whether this correction wrote its revision (false: voided, or already holding the values)
     */
    record Corrected(UUID diagnosisId, int revision, RecordStatus status, boolean amended) {}

    boolean holds(DiagnosisState diagnosis) {
        return java.util.Objects.equals(birthYear, diagnosis.birthYear()) && sex == diagnosis.sex();
    }
}
