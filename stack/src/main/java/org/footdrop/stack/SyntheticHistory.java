package org.footdrop.stack;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A clinic's history as an import file: per patient a diagnosis, five assessments, three
 * injections and a therapy (ten lines), written round by round so that a patient's lines lie far
 * apart, as in an export ordered by record type. The same patients give the same file.
 */
public final class SyntheticHistory {

    public static final int LINES_PER_PATIENT = 10;
    public static final int ASSESSMENTS_PER_PATIENT = 5;
    public static final int INJECTIONS_PER_PATIENT = 3;
    /** Lines of kinds intake-service owns, per patient: the diagnosis and the assessments. */
    public static final int INTAKE_LINES_PER_PATIENT = 1 + ASSESSMENTS_PER_PATIENT;

    private SyntheticHistory() {}

    /**
     * @param prefix patient ids are {@code <prefix><n>}, so runs on one store do not collide
     * @return the file
     */
    public static Path write(Path file, int patients, String prefix) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int round = 0; round < LINES_PER_PATIENT; round++) {
                for (int p = 0; p < patients; p++) {
                    out.write(line(round, p, prefix + "%06d".formatted(p)));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String line(int round, int p, String patient) {
        if (round == 0) {
            return ("{\"kind\":\"diagnosis\",\"key\":\"d-%s\",\"body\":{\"patientId\":\"%s\",\"side\":\"LEFT\","
                            + "\"diagnosisDate\":\"2024-01-10\",\"symptomOnsetDate\":\"2024-01-02\","
                            + "%s}}")
                    .formatted(
                            patient,
                            patient,
                            p % 3 == 0
                                    ? "\"causeCategory\":\"LUMBAR_NERVE_ROOT\",\"nerveRootLevel\":\"L5\""
                                    : "\"causeCategory\":\"FIBULAR_NERVE_AT_KNEE\"");
        }
        if (round <= ASSESSMENTS_PER_PATIENT) {
            return ("{\"kind\":\"assessment\",\"key\":\"a-%s-%d\",\"body\":{\"patientId\":\"%s\","
                            + "\"assessedAt\":\"2024-0%d-15T09:00:00Z\",\"kind\":\"%s\",\"side\":\"LEFT\","
                            + "\"measures\":{\"mrcAnkleDorsiflexion\":\"%d\",\"gaitSpeedComfortable\":0.%d}}}")
                    .formatted(
                            patient,
                            round,
                            patient,
                            round,
                            round == 1 ? "BASELINE" : "FOLLOW_UP",
                            Math.min(5, round + (p % 2)),
                            50 + round * 5);
        }
        if (round <= ASSESSMENTS_PER_PATIENT + INJECTIONS_PER_PATIENT) {
            int n = round - ASSESSMENTS_PER_PATIENT;
            return ("{\"kind\":\"injection\",\"key\":\"i-%s-%d\",\"body\":{\"patientId\":\"%s\","
                            + "\"administeredAt\":\"2024-0%d-20T10:00:00Z\",\"technique\":\"NERVE_HYDRODISSECTION\","
                            + "\"target\":\"FIBULAR_NERVE\",\"side\":\"LEFT\",\"guidance\":\"ULTRASOUND\","
                            + "\"solution\":\"%s\",\"volumeMl\":10.0,\"durationMinutes\":30}}")
                    .formatted(patient, n, patient, n, p % 2 == 0 ? "DEXTROSE_5" : "PRP");
        }
        return ("{\"kind\":\"therapy\",\"key\":\"t-%s\",\"body\":{\"patientId\":\"%s\","
                        + "\"type\":\"PHYSICAL_THERAPY\",\"startDate\":\"2024-02-01\",\"sessionsPerWeek\":2,"
                        + "\"plannedWeeks\":8}}")
                .formatted(patient, patient);
    }
}
