package org.footdrop.intake.diagnosis;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.footdrop.contract.vocabulary.CauseCategory;
import org.footdrop.contract.vocabulary.Mechanism;
import org.footdrop.contract.vocabulary.NerveRootLevel;
import org.footdrop.contract.vocabulary.Sex;
import org.footdrop.contract.vocabulary.Side;

/** The body of a diagnosis create or amend: the full clinical state. */
public record DiagnosisRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must match [A-Za-z0-9._-]{1,64}")
        String patientId,

        @Min(1900) @Max(2100) Integer birthYear,
        Sex sex,
        @NotNull Side side,
        Side indexSide,
        @NotNull @PastOrPresent LocalDate diagnosisDate,
        @PastOrPresent LocalDate symptomOnsetDate,
        @NotNull CauseCategory causeCategory,
        Mechanism mechanism,
        NerveRootLevel nerveRootLevel,
        Boolean spasticity,

        @Size(max = 20)
        List<
                        @NotNull
                        @Pattern(
                                regexp = "[A-TV-Z][0-9][0-9AB](\\.[0-9A-TV-Z]{1,4})?",
                                message = "must be an ICD-10-CM code such as M21.372")
                        String>
                icd10Codes,

        @Size(max = 20) List<@NotNull @Valid EvaluationRequest> evaluations) {

    /** The same request with this birth year and sex. */
    DiagnosisRequest withDemographics(Integer correctedBirthYear, Sex correctedSex) {
        return new DiagnosisRequest(
                patientId,
                correctedBirthYear,
                correctedSex,
                side,
                indexSide,
                diagnosisDate,
                symptomOnsetDate,
                causeCategory,
                mechanism,
                nerveRootLevel,
                spasticity,
                icd10Codes,
                evaluations);
    }

    /** The same request with these evaluations. */
    DiagnosisRequest withEvaluations(List<EvaluationRequest> replaced) {
        return new DiagnosisRequest(
                patientId,
                birthYear,
                sex,
                side,
                indexSide,
                diagnosisDate,
                symptomOnsetDate,
                causeCategory,
                mechanism,
                nerveRootLevel,
                spasticity,
                icd10Codes,
                replaced);
    }
}
