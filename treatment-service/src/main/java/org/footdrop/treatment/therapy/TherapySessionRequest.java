package org.footdrop.treatment.therapy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;

/** One session of a prescribed therapy: the day, and whether the patient attended. */
public record TherapySessionRequest(
        @NotNull @PastOrPresent LocalDate date, @NotNull Boolean attended) {}
