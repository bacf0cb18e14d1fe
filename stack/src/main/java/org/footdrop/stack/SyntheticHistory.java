package org.footdrop.stack;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.node.ObjectNode;

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
            ImportLines lines = new ImportLines(out);
            for (int round = 0; round < LINES_PER_PATIENT; round++) {
                for (int p = 0; p < patients; p++) {
                    line(lines, round, p, prefix + "%06d".formatted(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void line(ImportLines lines, int round, int p, String patient) {
        if (round == 0) {
            ObjectNode body = ImportLines.body()
                    .put("patientId", patient)
                    .put("side", "LEFT")
                    .put("diagnosisDate", "2024-01-10")
                    .put("symptomOnsetDate", "2024-01-02");
            if (p % 3 == 0) {
                body.put("causeCategory", "LUMBAR_NERVE_ROOT").put("nerveRootLevel", "L5");
            } else {
                body.put("causeCategory", "FIBULAR_NERVE_AT_KNEE");
            }
            lines.create("diagnosis", "d-" + patient, body);
        } else if (round <= ASSESSMENTS_PER_PATIENT) {
            ObjectNode body = ImportLines.body()
                    .put("patientId", patient)
                    .put("assessedAt", "2024-0%d-15T09:00:00Z".formatted(round))
                    .put("kind", round == 1 ? "BASELINE" : "FOLLOW_UP")
                    .put("side", "LEFT");
            body.putObject("measures")
                    .put("mrcAnkleDorsiflexion", Integer.toString(Math.min(5, round + (p % 2))))
                    .put("gaitSpeedComfortable", new BigDecimal("0." + (50 + round * 5)));
            lines.create("assessment", "a-%s-%d".formatted(patient, round), body);
        } else if (round <= ASSESSMENTS_PER_PATIENT + INJECTIONS_PER_PATIENT) {
            int n = round - ASSESSMENTS_PER_PATIENT;
            lines.create(
                    "injection",
                    "i-%s-%d".formatted(patient, n),
                    ImportLines.body()
                            .put("patientId", patient)
                            .put("administeredAt", "2024-0%d-20T10:00:00Z".formatted(n))
                            .put("technique", "NERVE_HYDRODISSECTION")
                            .put("target", "FIBULAR_NERVE")
                            .put("side", "LEFT")
                            .put("guidance", "ULTRASOUND")
                            .put("solution", p % 2 == 0 ? "DEXTROSE_5" : "PRP")
                            .put("volumeMl", new BigDecimal("10.0"))
                            .put("durationMinutes", 30));
        } else {
            lines.create(
                    "therapy",
                    "t-" + patient,
                    ImportLines.body()
                            .put("patientId", patient)
                            .put("type", "PHYSICAL_THERAPY")
                            .put("startDate", "2024-02-01")
                            .put("sessionsPerWeek", 2)
                            .put("plannedWeeks", 8));
        }
    }
}
