package org.footdrop.benchmarks;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.footdrop.contract.CloudEventHeaders;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventEnvelope;
import org.footdrop.contract.EventPayload;
import org.footdrop.contract.intake.Assessment;
import org.footdrop.contract.intake.AssessmentRecorded;
import org.footdrop.contract.intake.Diagnosis;
import org.footdrop.contract.intake.DiagnosisRecorded;
import org.footdrop.contract.intake.Measures;
import org.footdrop.contract.treatment.Injection;
import org.footdrop.contract.treatment.InjectionAdministered;
import org.footdrop.contract.vocabulary.AssessmentKind;
import org.footdrop.contract.vocabulary.CauseCategory;
import org.footdrop.contract.vocabulary.Guidance;
import org.footdrop.contract.vocabulary.InjectionTarget;
import org.footdrop.contract.vocabulary.InjectionTechnique;
import org.footdrop.contract.vocabulary.Sex;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.contract.vocabulary.Solution;

/**
 * Puts a synthetic clinic history on the topics, for measuring the projection: per patient a
 * diagnosis, 3 injections and 6 assessments (10 events), all valid against the contract.
 * Usage: EventFeeder BOOTSTRAP PATIENTS [FIRST_PATIENT_NUMBER]
 */
public final class EventFeeder {

    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0] : "localhost:9092";
        int patients = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int first = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Random random = new Random(42);
        EventCodec codec = new EventCodec();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long started = System.nanoTime();
        long events = 0;
        try (var producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int p = first; p < first + patients; p++) {
                String patientId = "feed-" + p;
                LocalDate day0 = LocalDate.parse("2024-01-01").plusDays(random.nextInt(600));
                CauseCategory cause = CauseCategory.values()[random.nextInt(3)];
                send(
                        producer,
                        codec,
                        patientId,
                        new DiagnosisRecorded(
                                UUID.randomUUID(),
                                1,
                                new Diagnosis(
                                        1940 + random.nextInt(60),
                                        random.nextBoolean() ? Sex.FEMALE : Sex.MALE,
                                        Side.LEFT,
                                        null,
                                        day0.minusDays(10),
                                        day0.minusDays(30 + random.nextInt(500)),
                                        cause,
                                        null,
                                        null,
                                        false,
                                        List.of("M21.372"),
                                        List.of())));
                Solution solution = random.nextBoolean() ? Solution.DEXTROSE_5 : Solution.PRP;
                for (int i = 0; i < 3; i++) {
                    Instant at = day0.plusDays(i * (14L + random.nextInt(35)))
                            .atStartOfDay()
                            .toInstant(java.time.ZoneOffset.UTC);
                    send(
                            producer,
                            codec,
                            patientId,
                            new InjectionAdministered(
                                    UUID.randomUUID(),
                                    1,
                                    new Injection(
                                            at,
                                            InjectionTechnique.NERVE_HYDRODISSECTION,
                                            InjectionTarget.FIBULAR_NERVE,
                                            null,
                                            Side.LEFT,
                                            Guidance.ULTRASOUND,
                                            solution,
                                            null,
                                            new BigDecimal("10"),
                                            30,
                                            List.of(),
                                            List.of())));
                }
                int[] days = {-3, 14, 42, 84, 168, 364};
                BigDecimal gait = new BigDecimal("0.50").add(BigDecimal.valueOf(random.nextInt(30), 2));
                for (int day : days) {
                    Instant at = day0.plusDays(day).atTime(9, 0).toInstant(java.time.ZoneOffset.UTC);
                    gait = gait.add(BigDecimal.valueOf(random.nextInt(8), 2));
                    send(
                            producer,
                            codec,
                            patientId,
                            new AssessmentRecorded(
                                    UUID.randomUUID(),
                                    1,
                                    new Assessment(
                                            at,
                                            day < 0 ? AssessmentKind.BASELINE : AssessmentKind.FOLLOW_UP,
                                            Side.LEFT,
                                            new Measures(
                                                    Integer.toString(1 + random.nextInt(4)),
                                                    null,
                                                    null,
                                                    null,
                                                    null,
                                                    gait,
                                                    null,
                                                    null,
                                                    null,
                                                    20 + random.nextInt(40),
                                                    random.nextInt(10)),
                                            null,
                                            null,
                                            null,
                                            null)));
                }
                events += 10;
            }
            producer.flush();
        }
        System.out.printf(
                "fed %d events for %d patients in %.1f s%n", events, patients, (System.nanoTime() - started) / 1e9);
    }

    private static void send(
            KafkaProducer<byte[], byte[]> producer, EventCodec codec, String patientId, EventPayload payload) {
        Instant now = Instant.now();
        String source = payload.eventType().topic().startsWith("intake") ? "intake-service" : "treatment-service";
        EventEnvelope event = EventEnvelope.of(payload, patientId, now, now, source, "feeder");
        var record = new ProducerRecord<>(
                payload.eventType().topic(), patientId.getBytes(StandardCharsets.UTF_8), codec.encode(event));
        CloudEventHeaders.of(event).forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(record);
    }
}
