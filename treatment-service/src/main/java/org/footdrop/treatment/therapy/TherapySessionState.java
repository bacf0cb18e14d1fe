package org.footdrop.treatment.therapy;

import java.time.LocalDate;
import java.util.UUID;

/** A logged session as stored: it belongs to its therapy and, through it, to the patient. */
public record TherapySessionState(String patientId, UUID therapyId, LocalDate date, Boolean attended) {}
