package org.footdrop.contract.treatment;

import java.time.LocalDate;

/** One logged session of a prescribed therapy. */
public record TherapySession(LocalDate date, Boolean attended) {}
