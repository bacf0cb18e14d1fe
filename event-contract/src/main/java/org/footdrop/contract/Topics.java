package org.footdrop.contract;

/** Topic names. One topic per producing service, key = patientId; topics keep events forever. */
public final class Topics {

    public static final String INTAKE_EVENTS = "intake.events.v1";
    public static final String TREATMENT_EVENTS = "treatment.events.v1";
    /** Records that can never be projected, with the reason in headers. */
    public static final String OUTCOMES_DLQ = "outcomes.dlq.v1";

    public static final int PARTITIONS = 6;

    private Topics() {}
}
