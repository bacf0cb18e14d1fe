package org.footdrop.treatment.therapy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/**
 * One session of a prescribed therapy: the day, and whether the patient attended.
 *
 * @param patientId optional: the session's patient is its therapy's; a caller that names it (the FHIR
 *     facade, from the Procedure's subject) is refused when it names another
 */
public record TherapySessionRequest(
        @NotNull @PastOrPresent LocalDate date,
        @NotNull Boolean attended,

        @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must match [A-Za-z0-9._-]{1,64}")
        String patientId) {}
