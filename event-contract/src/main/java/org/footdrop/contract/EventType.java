package org.footdrop.contract;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.footdrop.contract.intake.AssessmentAmended;
import org.footdrop.contract.intake.AssessmentRecorded;
import org.footdrop.contract.intake.AssessmentVoided;
import org.footdrop.contract.intake.DiagnosisAmended;
import org.footdrop.contract.intake.DiagnosisRecorded;
import org.footdrop.contract.intake.DiagnosisVoided;
import org.footdrop.contract.treatment.InjectionAdministered;
import org.footdrop.contract.treatment.InjectionAmended;
import org.footdrop.contract.treatment.InjectionVoided;
import org.footdrop.contract.treatment.TherapyAmended;
import org.footdrop.contract.treatment.TherapyPrescribed;
import org.footdrop.contract.treatment.TherapySessionLogged;
import org.footdrop.contract.treatment.TherapyVoided;

/**
 * Every event type with its stable wire name (never a class name), the topic it travels on, its
 * payload type and the schema versions this build understands.
 */
public enum EventType {
    DIAGNOSIS_RECORDED(
            "intake.diagnosis-recorded", Topics.INTAKE_EVENTS, DiagnosisRecorded.class, RecordType.DIAGNOSIS, false),
    DIAGNOSIS_AMENDED(
            "intake.diagnosis-amended", Topics.INTAKE_EVENTS, DiagnosisAmended.class, RecordType.DIAGNOSIS, false),
    DIAGNOSIS_VOIDED(
            "intake.diagnosis-voided", Topics.INTAKE_EVENTS, DiagnosisVoided.class, RecordType.DIAGNOSIS, true),
    ASSESSMENT_RECORDED(
            "intake.assessment-recorded", Topics.INTAKE_EVENTS, AssessmentRecorded.class, RecordType.ASSESSMENT, false),
    ASSESSMENT_AMENDED(
            "intake.assessment-amended", Topics.INTAKE_EVENTS, AssessmentAmended.class, RecordType.ASSESSMENT, false),
    ASSESSMENT_VOIDED(
            "intake.assessment-voided", Topics.INTAKE_EVENTS, AssessmentVoided.class, RecordType.ASSESSMENT, true),
    INJECTION_ADMINISTERED(
            "treatment.injection-administered",
            Topics.TREATMENT_EVENTS,
            InjectionAdministered.class,
            RecordType.INJECTION,
            false),
    INJECTION_AMENDED(
            "treatment.injection-amended",
            Topics.TREATMENT_EVENTS,
            InjectionAmended.class,
            RecordType.INJECTION,
            false),
    INJECTION_VOIDED(
            "treatment.injection-voided", Topics.TREATMENT_EVENTS, InjectionVoided.class, RecordType.INJECTION, true),
    THERAPY_PRESCRIBED(
            "treatment.therapy-prescribed",
            Topics.TREATMENT_EVENTS,
            TherapyPrescribed.class,
            RecordType.THERAPY,
            false),
    THERAPY_AMENDED(
            "treatment.therapy-amended", Topics.TREATMENT_EVENTS, TherapyAmended.class, RecordType.THERAPY, false),
    THERAPY_VOIDED("treatment.therapy-voided", Topics.TREATMENT_EVENTS, TherapyVoided.class, RecordType.THERAPY, true),
    THERAPY_SESSION_LOGGED(
            "treatment.therapy-session-logged",
            Topics.TREATMENT_EVENTS,
            TherapySessionLogged.class,
            RecordType.THERAPY_SESSION,
            false);

    /** Schema versions of every type this build reads and writes; additive changes only within one. */
    public static final int CURRENT_VERSION = 1;

    private static final Map<String, EventType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final String wireName;
    private final String topic;
    private final Class<? extends EventPayload> payloadType;
    private final RecordType recordType;
    private final boolean voidsRecord;

    EventType(
            String wireName,
            String topic,
            Class<? extends EventPayload> payloadType,
            RecordType recordType,
            boolean voidsRecord) {
        this.wireName = wireName;
        this.topic = topic;
        this.payloadType = payloadType;
        this.recordType = recordType;
        this.voidsRecord = voidsRecord;
    }

    /** The kind of record events of this type are about. */
    public RecordType recordType() {
        return recordType;
    }

    /**
     * Whether every event of this type voids its record; a therapy session's log says so in its
     * payload instead ({@link EventPayload#voidsRecord()}).
     */
    public boolean voidsRecord() {
        return voidsRecord;
    }

    public String wireName() {
        return wireName;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    public Set<Integer> supportedVersions() {
        return Set.of(CURRENT_VERSION);
    }

    public static Optional<EventType> fromWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }
}
