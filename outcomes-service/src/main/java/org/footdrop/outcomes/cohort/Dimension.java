package org.footdrop.outcomes.cohort;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.footdrop.contract.intake.Measure;
import org.footdrop.outcomes.derivation.Window;

/** What cohorts can be grouped by; the query parameter names are the wire names. */
enum Dimension {
    CAUSE_CATEGORY("causeCategory"),
    MECHANISM("mechanism"),
    SIDE("side"),
    TECHNIQUE_GROUP("techniqueGroup"),
    SOLUTION_GROUP("solutionGroup"),
    ADHERENCE("adherence"),
    ADJUNCT_THERAPY("adjunctTherapy"),
    SYMPTOM_DURATION_BAND("symptomDurationBand"),
    FOLLOW_UP_STATUS("followUpStatus"),
    /** Injections given on or before the day of the window's value (or its target day without one). */
    INJECTIONS_RECEIVED("injectionsReceived");

    private final String wireName;

    Dimension(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static Optional<Dimension> fromWireName(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName.equals(name)).findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(Dimension::wireName).collect(Collectors.joining(", "));
    }

    /** The row's value of this dimension, as a group label; "UNKNOWN" where not recorded. */
    String valueOf(CohortRow row, Measure measure, Window window) {
        Object value = switch (this) {
            case CAUSE_CATEGORY -> row.cause();
            case MECHANISM -> row.mechanism();
            case SIDE -> row.indexSide();
            case TECHNIQUE_GROUP -> row.techniqueGroup();
            case SOLUTION_GROUP -> row.solutionGroup();
            case ADHERENCE -> row.adherence(); // patients with one injection are counted beside the groups
            case ADJUNCT_THERAPY ->
                row.therapies().isEmpty()
                        ? "NONE"
                        : row.therapies().stream().map(Enum::name).sorted().collect(Collectors.joining("+"));
            case SYMPTOM_DURATION_BAND -> row.symptomDurationBand();
            case FOLLOW_UP_STATUS -> row.followUpStatus();
            case INJECTIONS_RECEIVED ->
                measure == null || window == null
                        ? null
                        : Integer.toString(row.injectionsReceived()[CohortRow.slot(measure, window)]);
        };
        return value == null ? "UNKNOWN" : value.toString();
    }
}
