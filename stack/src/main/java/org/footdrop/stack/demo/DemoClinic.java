package org.footdrop.stack.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.footdrop.stack.ImportLines;

/**
 * A synthetic clinic as an import file, for a newcomer to see data and for the browser tests to have
 * some: patients diagnosed over the two years before {@code today}, treated (most of them) with a
 * series of injections, therapies and follow-up visits, with the corrections, missed visits and
 * adverse events a real history has. Its recovery effects are made up (see {@link DemoPatient}):
 * nothing in it is clinical evidence.
 *
 * <p>The same seed, number of patients and {@code today} give the same file, byte for byte, so
 * importing it again under {@link #JOB_SYSTEM} finds every line already present.
 */
public final class DemoClinic {

    public static final long DEFAULT_SEED = 19;
    public static final int DEFAULT_PATIENTS = 1_200;
    /** The import job's system: with a line's key, the record's external identifier. */
    public static final String JOB_SYSTEM = "demo-clinic";
    /** Every demo patient's id starts with this. */
    public static final String PATIENT_PREFIX = "demo-";
    /**
     * A patient of the standard clinic worth opening first, whatever its day: a fibular nerve compressed at
     * the knee, three injections, physical therapy and a year of follow-up visits.
     */
    public static final String EXAMPLE_PATIENT = "demo-00027";

    private final long seed;
    private final int patients;
    private final LocalDate today;

    /**
     * @param today the last day of the clinic's history is the day before: nothing is in the future
     *     of a clock at or after it
     */
    public DemoClinic(long seed, int patients, LocalDate today) {
        if (patients < 1) {
            throw new IllegalArgumentException("patients must be at least 1");
        }
        this.seed = seed;
        this.patients = patients;
        this.today = today;
    }

    /** The default clinic: {@value #DEFAULT_PATIENTS} patients, seed {@value #DEFAULT_SEED}. */
    public static DemoClinic standard(LocalDate today) {
        return new DemoClinic(DEFAULT_SEED, DEFAULT_PATIENTS, today);
    }

    /**
     * The file written, and each patient's number of lines: every line changes one record's revision
     * by one (a create makes revision 1, an amend or a void adds one), so a patient's projection has
     * applied the whole file when its records' revisions add up to this.
     */
    public record Written(Path file, long lines, Map<String, Integer> linesPerPatient) {

        public int patients() {
            return linesPerPatient.size();
        }
    }

    /**
     * Writes the clinic: each patient's records, patient after patient, then the corrections (amends
     * and voids), as an export followed by its correction log would be.
     */
    public Written write(Path file) {
        Map<String, Integer> linesPerPatient = new LinkedHashMap<>();
        StringWriter correctionsText = new StringWriter();
        ImportLines corrections = new ImportLines(correctionsText);
        long lines;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ImportLines records = new ImportLines(out);
            for (int p = 0; p < patients; p++) {
                String patientId = PATIENT_PREFIX + "%05d".formatted(p);
                long before = records.written() + corrections.written();
                // one generator per patient: a patient's history does not depend on the others'
                new DemoPatient(patientId, new Random(seed * 1_000_003L + p), today).write(records, corrections);
                linesPerPatient.put(patientId, (int) (records.written() + corrections.written() - before));
            }
            out.write(correctionsText.toString());
            lines = records.written() + corrections.written();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Written(file, lines, Collections.unmodifiableMap(linesPerPatient));
    }
}
