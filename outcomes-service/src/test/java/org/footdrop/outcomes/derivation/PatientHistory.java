package org.footdrop.outcomes.derivation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.EventPayload;
import org.footdrop.contract.intake.Assessment;
import org.footdrop.contract.intake.AssessmentRecorded;
import org.footdrop.contract.intake.Diagnosis;
import org.footdrop.contract.intake.DiagnosisRecorded;
import org.footdrop.contract.intake.Measures;
import org.footdrop.contract.treatment.Injection;
import org.footdrop.contract.treatment.InjectionAdministered;
import org.footdrop.contract.treatment.InjectionAmended;
import org.footdrop.contract.treatment.InjectionVoided;
import org.footdrop.contract.treatment.Therapy;
import org.footdrop.contract.treatment.TherapyPrescribed;
import org.footdrop.contract.treatment.TherapySession;
import org.footdrop.contract.treatment.TherapySessionLogged;
import org.footdrop.contract.vocabulary.AssessmentKind;
import org.footdrop.contract.vocabulary.CauseCategory;
import org.footdrop.contract.vocabulary.Guidance;
import org.footdrop.contract.vocabulary.InjectionTarget;
import org.footdrop.contract.vocabulary.InjectionTechnique;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.contract.vocabulary.Solution;
import org.footdrop.contract.vocabulary.TherapyType;
import org.footdrop.outcomes.projection.PatientFacts;
import org.footdrop.outcomes.projection.PatientProjector;

/**
 * Builds a patient's events in a test, and the facts they project to: each event's {@code $set}
 * applied to a document the way the store applies it (dotted paths create nested documents).
 */
public final class PatientHistory {

    public final String patientId = "pt-" + UUID.randomUUID();
    final List<EventEnvelope> events = new ArrayList<>();

    public PatientHistory diagnosis(Side side, Side indexSide, String diagnosisDate, String onset) {
        return add(new DiagnosisRecorded(
                UUID.randomUUID(),
                1,
                new Diagnosis(
                        1968,
                        null,
                        side,
                        indexSide,
                        LocalDate.parse(diagnosisDate),
                        onset == null ? null : LocalDate.parse(onset),
                        CauseCategory.FIBULAR_NERVE_AT_KNEE,
                        null,
                        null,
                        false,
                        null,
                        null)));
    }

    public UUID injection(String at, Solution solution) {
        UUID id = UUID.randomUUID();
        add(new InjectionAdministered(id, 1, injectionAt(at, solution)));
        return id;
    }

    public PatientHistory amendInjection(UUID id, int revision, String at, Solution solution) {
        return add(new InjectionAmended(id, revision, injectionAt(at, solution)));
    }

    public PatientHistory voidInjection(UUID id, int revision) {
        return add(new InjectionVoided(id, revision));
    }

    public PatientHistory assessment(String at, Side side, AssessmentKind kind, Measures measures) {
        return add(new AssessmentRecorded(
                UUID.randomUUID(), 1, new Assessment(Instant.parse(at), kind, side, measures, null, null, null, null)));
    }

    public UUID therapy(String start, int perWeek, int weeks) {
        UUID id = UUID.randomUUID();
        add(new TherapyPrescribed(
                id, 1, new Therapy(TherapyType.PHYSICAL_THERAPY, null, LocalDate.parse(start), perWeek, weeks, null)));
        return id;
    }

    public PatientHistory session(UUID therapy, String date, boolean attended, boolean voided) {
        return add(new TherapySessionLogged(
                UUID.randomUUID(),
                voided ? 2 : 1,
                therapy,
                new TherapySession(LocalDate.parse(date), attended),
                voided));
    }

    public PatientHistory add(EventPayload payload) {
        Instant now = Instant.parse("2026-06-01T00:00:00Z").plusSeconds(events.size());
        return addAt(payload, now, now);
    }

    /** An event whose clinical time and recording time differ (entered late). */
    public PatientHistory addAt(EventPayload payload, Instant occurredAt, Instant recordedAt) {
        return importedAt(payload, occurredAt, recordedAt, null);
    }

    /** An event a bulk import brought in ({@code importJob} null: a live write). */
    public PatientHistory importedAt(EventPayload payload, Instant occurredAt, Instant recordedAt, String importJob) {
        events.add(EventEnvelope.of(payload, patientId, occurredAt, recordedAt, "test", null, importJob));
        return this;
    }

    public PatientFacts facts() {
        return factsOf(patientId, events);
    }

    static PatientFacts factsOf(String patientId, List<EventEnvelope> events) {
        Document document = new Document("_id", patientId);
        for (EventEnvelope event : events) {
            for (Map.Entry<String, Object> field :
                    PatientProjector.fieldsFor(event).entrySet()) {
                set(document, field.getKey(), field.getValue());
            }
        }
        return PatientFacts.from(document);
    }

    static void set(Document document, String path, Object value) {
        String[] parts = path.split("\\.");
        Document at = document;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = at.get(parts[i]);
            if (!(next instanceof Document)) {
                next = new Document();
                at.put(parts[i], next);
            }
            at = (Document) next;
        }
        at.put(parts[parts.length - 1], value);
    }

    public static Measures measures(String mrcDorsiflexion, String gaitSpeed, String tug, Integer pain) {
        return new Measures(
                mrcDorsiflexion,
                null,
                null,
                null,
                null,
                gaitSpeed == null ? null : new BigDecimal(gaitSpeed),
                null,
                tug == null ? null : new BigDecimal(tug),
                null,
                null,
                pain);
    }

    public static Injection injectionAt(String at, Solution solution) {
        return new Injection(
                Instant.parse(at),
                InjectionTechnique.NERVE_HYDRODISSECTION,
                InjectionTarget.FIBULAR_NERVE,
                null,
                Side.LEFT,
                Guidance.ULTRASOUND,
                solution,
                null,
                new BigDecimal("10"),
                30,
                null,
                null);
    }
}
