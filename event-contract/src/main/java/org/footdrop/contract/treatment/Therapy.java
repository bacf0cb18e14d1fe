package org.footdrop.contract.treatment;

import java.time.LocalDate;
import org.footdrop.contract.vocabulary.EnergyModality;
import org.footdrop.contract.vocabulary.TherapyType;

/**
 * An adjunct therapy prescription: planned sessions per week for planned weeks (or until the end
 * date), so adherence = attended sessions / planned sessions.
 *
 * @param modality for ENERGY_MODALITY only
 */
public record Therapy(
        TherapyType type,
        EnergyModality modality,
        LocalDate startDate,
        Integer sessionsPerWeek,
        Integer plannedWeeks,
        LocalDate endDate) {
}
