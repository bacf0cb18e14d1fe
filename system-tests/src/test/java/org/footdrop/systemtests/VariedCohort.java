package org.footdrop.systemtests;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A small clinic as one import file, varied enough for the analysts' pages: three causes, PRP and
 * Dextrose 5% (and three patients on both, a group too small to show), spacing in and out of the
 * window, one injection for some, responses at different visits or none, missed last visits, and a
 * few untreated patients. Each patient's course follows from their number, so the file is the same
 * every time; the figures themselves are left to the API, which the tests compare the pages with.
 */
final class VariedCohort {

    static final int TREATED = 96;
    static final int UNTREATED = 6;
    /** Patients 1 to 3 have both solutions (a MIXED group below the minimum size of 5). */
    static final int MIXED = 3;

    private static final String[] CAUSES = {"FIBULAR_NERVE_AT_KNEE", "SCIATIC_NERVE", "LUMBAR_NERVE_ROOT"};
    private static final int[] VISIT_DAYS = {14, 42, 84, 168};
    private static final LocalDate FIRST_DAY_ZERO = LocalDate.of(2025, 3, 3);

    private final StringBuilder lines = new StringBuilder();
    private int gaitResponders;

    private VariedCohort() {}

    /** Writes the file; answers how many treated patients respond on gait speed (for the test to wait on). */
    static int write(Path file, String prefix) {
        VariedCohort cohort = new VariedCohort();
        for (int p = 0; p < TREATED + UNTREATED; p++) {
            cohort.patient(prefix + "%04d".formatted(p), p, p >= TREATED);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(cohort.lines.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cohort.gaitResponders;
    }

    private void patient(String id, int p, boolean untreated) {
        LocalDate dayZero = FIRST_DAY_ZERO.plusDays(p % 10);
        String cause = CAUSES[p % 3];
        long symptomDays = new long[] {60, 200, 500}[(p / 3) % 3];
        line("diagnosis", "d-" + id, """
                {"patientId":"%s","side":"LEFT","diagnosisDate":"%s","symptomOnsetDate":"%s","causeCategory":"%s"%s}""".formatted(
                        id,
                        dayZero.minusDays(7),
                        dayZero.minusDays(symptomDays),
                        cause,
                        cause.equals("LUMBAR_NERVE_ROOT") ? ",\"nerveRootLevel\":\"L5\"" : ""));
        BigDecimal baseline = new BigDecimal("0.50").add(new BigDecimal("0.02").multiply(BigDecimal.valueOf(p % 5)));
        assessment(id, "b", dayZero.minusDays(1), "BASELINE", baseline, "2");
        if (untreated) {
            return;
        }
        // the visit at which the patient first improves by the threshold (4: never)
        int respondsAt = (p * 7 + p / 4) % 5;
        // some miss their last visit
        int visits = p % 7 == 0 ? VISIT_DAYS.length - 1 : VISIT_DAYS.length;
        boolean responded = false;
        for (int v = 0; v < visits; v++) {
            BigDecimal gait;
            String mrc;
            if (v >= respondsAt) {
                responded = true;
                gait = baseline.add(new BigDecimal("0.10"))
                        .add(new BigDecimal("0.01").multiply(BigDecimal.valueOf(p % 4 + v - respondsAt)));
                mrc = "3";
            } else {
                gait = baseline.add(new BigDecimal("0.02").multiply(BigDecimal.valueOf(v + 1)));
                mrc = "2+";
            }
            assessment(id, "v" + v, dayZero.plusDays(VISIT_DAYS[v] + p % 3), "FOLLOW_UP", gait, mrc);
        }
        if (responded) {
            gaitResponders++;
        }
        int injections = p % 11 == 0 ? 1 : (p % 2 == 0 ? 3 : 2);
        int spacing = p % 5 == 0 ? 63 : 28;
        for (int n = 0; n < injections; n++) {
            String solution =
                    p >= 1 && p <= MIXED ? (n == 0 ? "DEXTROSE_5" : "PRP") : (p % 2 == 0 ? "PRP" : "DEXTROSE_5");
            line("injection", "i-" + id + "-" + n, """
                    {"patientId":"%s","administeredAt":"%sT10:00:00Z","technique":"NERVE_HYDRODISSECTION",\
                    "target":"%s","side":"LEFT","guidance":"ULTRASOUND","solution":"%s","volumeMl":10,\
                    "durationMinutes":30}""".formatted(
                            id,
                            dayZero.plusDays((long) n * spacing),
                            cause.equals("SCIATIC_NERVE") ? "SCIATIC_NERVE" : "FIBULAR_NERVE",
                            solution));
        }
    }

    private void assessment(String id, String key, LocalDate day, String kind, BigDecimal gait, String mrc) {
        line("assessment", "a-" + id + "-" + key, """
                {"patientId":"%s","assessedAt":"%sT09:00:00Z","kind":"%s","side":"LEFT",\
                "measures":{"gaitSpeedComfortable":%s,"mrcAnkleDorsiflexion":"%s"}}""".formatted(id, day, kind, gait.toPlainString(), mrc));
    }

    private void line(String kind, String key, String body) {
        lines.append("{\"kind\":\"")
                .append(kind)
                .append("\",\"key\":\"")
                .append(key)
                .append("\",\"body\":")
                .append(body.strip())
                .append("}\n");
    }
}
