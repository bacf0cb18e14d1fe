package org.footdrop.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The realistic write mix: the services' own documented example bodies (their OpenAPI examples) for
 * new records of a pool of patients, in a clinic's proportions, with a few invalid ones.
 */
final class ClinicalMix {

    /** One request: which service and path, its body, and whether it is meant to be rejected. */
    record Write(String service, String path, String body, boolean invalid) {}

    static final String EXAMPLE_PATIENT = "fd-pt-000123";
    static final double INVALID_SHARE = 0.03;

    final String diagnosis;
    final String assessment;
    final String injection;
    final String therapy;
    private final String patientPrefix;
    private final int patients;
    private final AtomicLong sequence = new AtomicLong();

    ClinicalMix(Path repo, String patientPrefix, int patients) throws IOException {
        this.diagnosis = example(repo, "intake-service", "diagnosis.json");
        this.assessment = example(repo, "intake-service", "assessment.json");
        this.injection = example(repo, "treatment-service", "injection.json");
        this.therapy = example(repo, "treatment-service", "therapy.json");
        this.patientPrefix = patientPrefix;
        this.patients = patients;
    }

    private static String example(Path repo, String service, String file) throws IOException {
        String body = Files.readString(repo.resolve(service)
                .resolve("src/main/resources/openapi/examples")
                .resolve(file));
        if (!body.contains(EXAMPLE_PATIENT)) {
            throw new IllegalStateException(file + " no longer names " + EXAMPLE_PATIENT);
        }
        return body;
    }

    /**
     * The next write: per 100, 10 diagnoses, 50 assessments, 25 injections, 12 therapies and
     * 3 invalid assessments (an MRC grade of "5+", which is not a grade).
     */
    Write next() {
        String patient = patientPrefix + (sequence.getAndIncrement() % patients);
        double roll = ThreadLocalRandom.current().nextDouble();
        if (roll < INVALID_SHARE) {
            return new Write(
                    "intake",
                    "/api/v1/assessments",
                    forPatient(assessment, patient)
                            .replace("\"mrcHipAbduction\": \"5\"", "\"mrcHipAbduction\": \"5+\""),
                    true);
        }
        if (roll < 0.13) {
            return new Write("intake", "/api/v1/diagnoses", forPatient(diagnosis, patient), false);
        }
        if (roll < 0.63) {
            return new Write("intake", "/api/v1/assessments", forPatient(assessment, patient), false);
        }
        if (roll < 0.88) {
            return new Write("treatment", "/api/v1/injections", forPatient(injection, patient), false);
        }
        return new Write("treatment", "/api/v1/therapies", forPatient(therapy, patient), false);
    }

    static String forPatient(String example, String patient) {
        return example.replace(EXAMPLE_PATIENT, patient);
    }
}
