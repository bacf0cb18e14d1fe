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

    /**
     * Sessions planned: sessions per week times planned weeks; with an end date instead, times the
     * weeks the prescription spans, start and end days included, a part week counting as a week.
     */
    public int plannedSessions() {
        long weeks = plannedWeeks != null
                ? plannedWeeks
                : (java.time.temporal.ChronoUnit.DAYS.between(startDate, endDate) + 1 + 6) / 7;
        return Math.toIntExact(weeks * sessionsPerWeek);
    }
}
