package org.footdrop.outcomes.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bson.Document;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.EventPayload;
import org.footdrop.contract.intake.Assessment;
import org.footdrop.contract.intake.AssessmentAmended;
import org.footdrop.contract.intake.AssessmentRecorded;
import org.footdrop.contract.intake.AssessmentVoided;
import org.footdrop.contract.intake.Diagnosis;
import org.footdrop.contract.intake.DiagnosisAmended;
import org.footdrop.contract.intake.DiagnosisRecorded;
import org.footdrop.contract.intake.DiagnosisVoided;
import org.footdrop.contract.intake.Measures;
import org.footdrop.contract.treatment.Injection;
import org.footdrop.contract.treatment.InjectionAdministered;
import org.footdrop.contract.treatment.InjectionAmended;
import org.footdrop.contract.treatment.InjectionVoided;
import org.footdrop.contract.treatment.Therapy;
import org.footdrop.contract.treatment.TherapyAmended;
import org.footdrop.contract.treatment.TherapyPrescribed;
import org.footdrop.contract.treatment.TherapySession;
import org.footdrop.contract.treatment.TherapySessionLogged;
import org.footdrop.contract.treatment.TherapyVoided;
import org.footdrop.contract.vocabulary.AssessmentKind;
import org.footdrop.contract.vocabulary.CauseCategory;
import org.footdrop.contract.vocabulary.Guidance;
import org.footdrop.contract.vocabulary.InjectionTarget;
import org.footdrop.contract.vocabulary.InjectionTechnique;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.contract.vocabulary.Solution;
import org.footdrop.contract.vocabulary.TherapyType;
import org.footdrop.outcomes.derivation.OutcomeDefinitions;
import org.footdrop.outcomes.derivation.OutcomeDeriver;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A projection is a pure function of the set of events applied to it: every event type, with
 * amendments and voids, from both topics and several patients, applied in a shuffled order with
 * some events delivered twice, gives the same documents (compared whole) and the same derived
 * outcomes as the events applied once in order. Run over the MongoDB wire protocol
 * (mongo-java-server), so the store's own $set semantics are what is tested.
 */
@Tag("infrastructure")
class ProjectionOrderPropertyTest {

    static MongoServer server;
    static MongoClient client;

    @BeforeContainer
    static void startStore() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    @AfterContainer
    static void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Property(tries = 60)
    void shouldProjectTheSameDocumentWhenEventsArriveInAnyOrderAndAnyNumberOfTimes(
            @ForAll @IntRange(min = 1, max = 3) int patients, @ForAll Random random) {
        // given an ordered history per patient, and the same events shuffled with some duplicated
        Deliveries given = Deliveries.of(patients, random);
        List<EventEnvelope> ordered = given.ordered();
        List<String> patientIds = given.patientIds();
        List<EventEnvelope> delivered = given.delivered();

        // when
        PatientOutcomeStore inOrder =
                store("ordered_" + UUID.randomUUID().toString().substring(0, 8));
        PatientOutcomeStore shuffled =
                store("shuffled_" + UUID.randomUUID().toString().substring(0, 8));
        ordered.forEach(event -> inOrder.apply(List.of(event)));
        // the live consumers' polls: batches of random sizes, duplicates within a batch included
        Map<UUID, Integer> appliedTimes = new HashMap<>();
        int duplicates = 0;
        int answers = 0;
        for (int from = 0; from < delivered.size(); ) {
            int to = Math.min(delivered.size(), from + 1 + random.nextInt(8));
            for (var result : shuffled.apply(delivered.subList(from, to)).entrySet()) {
                answers++;
                if (result.getValue() == PatientOutcomeStore.Result.APPLIED) {
                    appliedTimes.merge(result.getKey(), 1, Integer::sum);
                } else {
                    duplicates++;
                }
            }
            from = to;
        }

        // then each event counted as applied exactly once, every other answer a duplicate
        assertThat(appliedTimes)
                .hasSize(ordered.size())
                .allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
        assertThat(duplicates).isEqualTo(answers - ordered.size());
        // and the whole documents, and what is derived from them, are equal
        OutcomeDeriver deriver = new OutcomeDeriver(OutcomeDefinitions.defaults(), java.time.ZoneOffset.UTC);
        for (String patientId : patientIds) {
            Document expected = inOrder.raw(patientId);
            Document actual = shuffled.raw(patientId);
            assertThat(actual).isEqualTo(expected);
            assertThat(deriver.derive(PatientFacts.from(actual), LocalDate.parse("2026-09-01")))
                    .isEqualTo(deriver.derive(PatientFacts.from(expected), LocalDate.parse("2026-09-01")));
        }
    }

    @Property(tries = 40)
    void shouldProjectTheSameDocumentWhenEventsArriveInBatchesOfAnyShape(
            @ForAll @IntRange(min = 1, max = 3) int patients, @ForAll Random random) {
        // given an ordered history per patient, and the same events shuffled with some duplicated
        Deliveries given = Deliveries.of(patients, random);
        List<EventEnvelope> ordered = given.ordered();
        List<String> patientIds = given.patientIds();
        List<EventEnvelope> delivered = given.delivered();

        // when one store gets them one by one in order, the other in bulk writes of random sizes (a replay's polls)
        PatientOutcomeStore oneByOne =
                store("single_" + UUID.randomUUID().toString().substring(0, 8));
        PatientOutcomeStore batched =
                store("batched_" + UUID.randomUUID().toString().substring(0, 8));
        ordered.forEach(event -> oneByOne.apply(List.of(event)));
        for (int from = 0; from < delivered.size(); ) {
            int to = Math.min(delivered.size(), from + 1 + random.nextInt(8));
            batched.applyAll(delivered.subList(from, to), batched.activeCollection());
            from = to;
        }

        // then the whole documents are equal
        for (String patientId : patientIds) {
            assertThat(batched.raw(patientId)).isEqualTo(oneByOne.raw(patientId));
        }
    }

    /** Each patient's history in order, and the same events shuffled with about a quarter delivered twice. */
    private record Deliveries(List<String> patientIds, List<EventEnvelope> ordered, List<EventEnvelope> delivered) {

        static Deliveries of(int patients, Random random) {
            List<EventEnvelope> ordered = new ArrayList<>();
            List<String> patientIds = new ArrayList<>();
            for (int p = 0; p < patients; p++) {
                String patientId = "pt-" + UUID.randomUUID();
                patientIds.add(patientId);
                ordered.addAll(history(patientId, random));
            }
            List<EventEnvelope> delivered = new ArrayList<>(ordered);
            for (EventEnvelope event : ordered) {
                if (random.nextInt(4) == 0) {
                    delivered.add(event);
                }
            }
            Collections.shuffle(delivered, random);
            return new Deliveries(patientIds, ordered, delivered);
        }
    }

    private static PatientOutcomeStore store(String database) {
        MongoTemplate mongo = new MongoTemplate(client, database);
        return new PatientOutcomeStore(
                mongo,
                new ProjectionCollections(
                        mongo,
                        // standing still: no heartbeat here, so the settings must stay current however long a try takes
                        java.time.Clock.fixed(
                                java.time.Instant.parse("2026-03-02T10:00:00Z"), java.time.ZoneOffset.UTC),
                        event -> {}));
    }

    /** A plausible history with every event type: records, amends and voids. */
    private static List<EventEnvelope> history(String patientId, Random random) {
        List<EventEnvelope> events = new ArrayList<>();
        UUID diagnosis = UUID.randomUUID();
        add(events, patientId, new DiagnosisRecorded(diagnosis, 1, diagnosis(Side.LEFT)));
        if (random.nextBoolean()) {
            add(events, patientId, new DiagnosisAmended(diagnosis, 2, diagnosis(Side.RIGHT)));
        }
        if (random.nextInt(5) == 0) {
            UUID wrong = UUID.randomUUID();
            add(events, patientId, new DiagnosisRecorded(wrong, 1, diagnosis(Side.BILATERAL)));
            add(events, patientId, new DiagnosisVoided(wrong, 2));
        }
        int injections = 1 + random.nextInt(4);
        for (int i = 0; i < injections; i++) {
            UUID id = UUID.randomUUID();
            Instant at = Instant.parse("2026-03-02T10:00:00Z").plusSeconds(86_400L * (i * 21 + random.nextInt(10)));
            Solution solution = random.nextBoolean() ? Solution.DEXTROSE_5 : Solution.PRP;
            add(events, patientId, new InjectionAdministered(id, 1, injection(at, solution)));
            switch (random.nextInt(4)) {
                case 0 ->
                    add(events, patientId, new InjectionAmended(id, 2, injection(at.plusSeconds(86_400), solution)));
                case 1 -> add(events, patientId, new InjectionVoided(id, 2));
                default -> {}
            }
        }
        int assessments = 1 + random.nextInt(5);
        for (int a = 0; a < assessments; a++) {
            UUID id = UUID.randomUUID();
            Instant at = Instant.parse("2026-02-25T09:00:00Z").plusSeconds(86_400L * a * 12);
            add(events, patientId, new AssessmentRecorded(id, 1, assessment(at, "0." + (50 + random.nextInt(40)))));
            switch (random.nextInt(4)) {
                case 0 -> add(events, patientId, new AssessmentAmended(id, 2, assessment(at, "0.80")));
                case 1 -> add(events, patientId, new AssessmentVoided(id, 2));
                default -> {}
            }
        }
        UUID therapy = UUID.randomUUID();
        add(
                events,
                patientId,
                new TherapyPrescribed(
                        therapy,
                        1,
                        new Therapy(TherapyType.PHYSICAL_THERAPY, null, LocalDate.parse("2026-03-09"), 2, 8, null)));
        if (random.nextBoolean()) {
            add(
                    events,
                    patientId,
                    new TherapyAmended(
                            therapy,
                            2,
                            new Therapy(
                                    TherapyType.PHYSICAL_THERAPY, null, LocalDate.parse("2026-03-09"), 3, 6, null)));
        }
        for (int s = 0; s < random.nextInt(4); s++) {
            UUID session = UUID.randomUUID();
            TherapySession logged =
                    new TherapySession(LocalDate.parse("2026-03-09").plusDays(s * 3L), random.nextBoolean());
            add(events, patientId, new TherapySessionLogged(session, 1, therapy, logged, false));
            if (random.nextInt(3) == 0) {
                add(events, patientId, new TherapySessionLogged(session, 2, therapy, logged, true));
            }
        }
        if (random.nextInt(6) == 0) {
            add(events, patientId, new TherapyVoided(therapy, 3));
        }
        // some records, or some of their revisions, brought in by a bulk import: provenance converges too
        events.replaceAll(event -> random.nextInt(3) == 0 ? imported(event, "import-" + random.nextInt(2)) : event);
        return events;
    }

    private static EventEnvelope imported(EventEnvelope event, String importJob) {
        return new EventEnvelope(
                event.eventId(),
                event.type(),
                event.schemaVersion(),
                event.patientId(),
                event.occurredAt(),
                event.recordedAt(),
                event.source(),
                event.correlationId(),
                importJob,
                event.payload());
    }

    private static void add(List<EventEnvelope> events, String patientId, EventPayload payload) {
        Instant recorded = Instant.parse("2026-06-01T00:00:00Z").plusSeconds(events.size());
        events.add(EventEnvelope.of(payload, patientId, recorded, recorded, "test", "property"));
    }

    private static Diagnosis diagnosis(Side side) {
        return new Diagnosis(
                1970,
                null,
                side,
                side == Side.BILATERAL ? Side.LEFT : null,
                LocalDate.parse("2026-02-20"),
                LocalDate.parse("2025-10-01"),
                CauseCategory.SCIATIC_NERVE,
                null,
                null,
                false,
                List.of("M21.372"),
                List.of());
    }

    private static Injection injection(Instant at, Solution solution) {
        return new Injection(
                at,
                InjectionTechnique.NERVE_HYDRODISSECTION,
                InjectionTarget.SCIATIC_NERVE,
                null,
                Side.LEFT,
                Guidance.ULTRASOUND,
                solution,
                null,
                new BigDecimal("12.5"),
                35,
                List.of(),
                List.of("64450"));
    }

    private static Assessment assessment(Instant at, String gaitSpeed) {
        return new Assessment(
                at,
                AssessmentKind.FOLLOW_UP,
                Side.LEFT,
                new Measures("3", null, null, null, null, new BigDecimal(gaitSpeed), null, null, null, 40, 5),
                null,
                null,
                null,
                null);
    }
}
