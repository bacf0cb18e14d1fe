package org.footdrop.treatment.therapy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.footdrop.contract.vocabulary.EnergyModality;
import org.footdrop.contract.vocabulary.TherapyType;

/**
 * An adjunct therapy prescription: sessions per week for planned weeks, or until an end date.
 *
 * @param modality for ENERGY_MODALITY only, and required there
 */
public record TherapyRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must match [A-Za-z0-9._-]{1,64}")
        String patientId,

        @NotNull TherapyType type,
        EnergyModality modality,
        @NotNull LocalDate startDate,
        @NotNull @Min(1) @Max(21) Integer sessionsPerWeek,
        @Min(1) @Max(104) Integer plannedWeeks,
        LocalDate endDate) {}
