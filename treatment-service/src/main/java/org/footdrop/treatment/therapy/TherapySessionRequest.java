package org.footdrop.treatment.therapy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One session of a prescribed therapy: the day, and whether the patient attended.
 *
 * @param patientId optional: the session's patient is its therapy's; a caller that names it (the FHIR
 *     facade, from the Procedure's subject) is refused when it names another
 * @param therapyId optional, likewise: a session stays with the therapy it was logged for, and a
 *     correction naming another is refused rather than silently kept
 */
public record TherapySessionRequest(
        @NotNull @PastOrPresent LocalDate date,
        @NotNull Boolean attended,

        @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must match [A-Za-z0-9._-]{1,64}")
        String patientId,

        UUID therapyId) {}
