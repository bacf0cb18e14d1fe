package org.footdrop.benchmarks;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.footdrop.contract.EventJson;
import org.footdrop.stack.LocalFhirFacade;
import tools.jackson.databind.JsonNode;

/**
 * P7: one cohort's course written through the FHIR facade and, as the same records, through the own
 * API, on a stack that runs the facade. Each patient is a Patient, a Condition and a Procedure in FHIR;
 * through the own API a diagnosis (which carries the Patient's birth year and sex) and an injection,
 * posted one after another as P1's clients do. The facade's batch is timed whole and divided by its
 * entries; single POSTs to both sides give each a p99. Validation is read from the facade's own timer
 * ({@code footdrop_fhir_validation_seconds} on /actuator/prometheus), and its resident memory sampled.
 */
final class FhirStage {

    /** The facade refuses a batch of more entries (BatchProvider.MAX_ENTRIES): whole patients below it. */
    static final int PATIENTS_PER_BATCH = 333;

    private static final String BASE = "https://footdrop.org/fhir";
    private static final String PATIENT = """
            {"resourceType":"Patient","identifier":[{"system":"%s/sid/patient-id","value":"%%s"}],\
            "gender":"female","birthDate":"1968"}""".formatted(BASE);
    private static final String CONDITION = """
            {"resourceType":"Condition","subject":{"reference":"%%s"},\
            "extension":[{"url":"%1$s/StructureDefinition/mechanism",\
            "valueCoding":{"system":"%1$s/CodeSystem/mechanism","code":"POSTURAL_COMPRESSION"}}],\
            "category":[{"coding":[{"system":"%1$s/CodeSystem/cause-category","code":"FIBULAR_NERVE_AT_KNEE"}]}],\
            "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"M21.372"}]},\
            "bodySite":[{"coding":[{"system":"%1$s/CodeSystem/side","code":"LEFT"}]}],\
            "onsetDateTime":"2025-11-20","recordedDate":"2026-03-02",\
            "evidence":[{"code":[{"coding":[{"system":"%1$s/CodeSystem/evaluation-kind","code":"NERVE_CONDUCTION_EMG"},\
            {"system":"%1$s/finding","code":"CONDUCTION_BLOCK_AT_FIBULAR_HEAD"}]}]}]}""".formatted(BASE);
    private static final String PROCEDURE = """
            {"resourceType":"Procedure","extension":[{"url":"%1$s/StructureDefinition/guidance",\
            "valueCoding":{"system":"%1$s/CodeSystem/guidance","code":"ULTRASOUND"}},\
            {"url":"%1$s/StructureDefinition/volume","valueQuantity":{"value":10.5,"unit":"mL",\
            "system":"http://unitsofmeasure.org","code":"mL"}}],\
            "status":"completed","subject":{"reference":"%%s"},\
            "code":{"coding":[{"system":"%1$s/CodeSystem/injection-technique","code":"NERVE_HYDRODISSECTION"},\
            {"system":"http://www.ama-assn.org/go/cpt","code":"64450"}]},\
            "performedPeriod":{"start":"2026-03-02T10:05:00Z","end":"2026-03-02T10:35:00Z"},\
            "bodySite":[{"coding":[{"system":"%1$s/CodeSystem/injection-target","code":"FIBULAR_NERVE"}]},\
            {"coding":[{"system":"%1$s/CodeSystem/side","code":"LEFT"}]}],\
            "complication":[{"extension":[{"url":"%1$s/StructureDefinition/adverse-event-severity",\
            "valueCoding":{"system":"%1$s/CodeSystem/severity","code":"MILD"}},\
            {"url":"%1$s/StructureDefinition/adverse-event-resolved","valueBoolean":true}],\
            "coding":[{"system":"%1$s/CodeSystem/adverse-event","code":"TRANSIENT_NUMBNESS"}]}],\
            "usedCode":[{"coding":[{"system":"%1$s/CodeSystem/solution","code":"DEXTROSE_5"}]}]}""".formatted(BASE);
    /** The same content as the Patient and the Condition, as intake-service takes it. */
    private static final String DIAGNOSIS = """
            {"patientId":"%s","birthYear":1968,"sex":"FEMALE","side":"LEFT","diagnosisDate":"2026-03-02",\
            "symptomOnsetDate":"2025-11-20","causeCategory":"FIBULAR_NERVE_AT_KNEE","mechanism":"POSTURAL_COMPRESSION",\
            "icd10Codes":["M21.372"],"evaluations":[{"kind":"NERVE_CONDUCTION_EMG",\
            "finding":"CONDUCTION_BLOCK_AT_FIBULAR_HEAD"}]}""";
    /** The same content as the Procedure, as treatment-service takes it. */
    private static final String INJECTION = """
            {"patientId":"%s","administeredAt":"2026-03-02T10:05:00Z","technique":"NERVE_HYDRODISSECTION",\
            "target":"FIBULAR_NERVE","side":"LEFT","guidance":"ULTRASOUND","solution":"DEXTROSE_5","volumeMl":10.5,\
            "durationMinutes":30,"adverseEvents":[{"type":"TRANSIENT_NUMBNESS","severity":"MILD","resolved":true}],\
            "cptCodes":["64450"]}""";

    /**
     * What P7 measured: the batch ({@code entries} in {@code batchSeconds}), the own API's sequential
     * posts of the same cohort ({@code ownRecords} in {@code ownSeconds}), single POSTs' latencies in
     * microseconds, validation during the batch, and the facade's largest resident size; after
     * {@code warmUpPatients} unmeasured on each path.
     */
    record Result(
            int warmUpPatients,
            int patients,
            int entries,
            double batchSeconds,
            long ownRecords,
            double ownSeconds,
            Histogram facadeSingles,
            Histogram ownSingles,
            long validations,
            double validationSeconds,
            double validationWaitSeconds,
            long peakFacadeBytes,
            Map<String, Double> batchCpu,
            Map<String, Double> ownCpu) {

        double entriesPerSecond() {
            return entries / batchSeconds;
        }

        double ownPerSecond() {
            return ownRecords / ownSeconds;
        }

        /** The same cohort's time through the facade over its time through the own API. */
        double overhead() {
            return batchSeconds / ownSeconds;
        }

        /**
         * The same ratio without the time the batch's entries waited for their validation, which the issue
         * asks to be reported beside the overhead. The facade validates a batch's resources ahead, on a
         * thread of their own, so this is the part of the validation time that overlapped nothing.
         */
        double overheadWithoutValidation() {
            return Math.max(0, batchSeconds - validationWaitSeconds) / ownSeconds;
        }

        double batchMsPerEntry() {
            return batchSeconds * 1000 / entries;
        }

        double ownMsPerRecord() {
            return ownSeconds * 1000 / ownRecords;
        }
    }

    private final BenchmarkStack stack;
    private final String prefix;
    private final AtomicLong sequence = new AtomicLong();

    FhirStage(BenchmarkStack stack, String prefix) {
        this.stack = stack;
        this.prefix = prefix;
    }

    /** {@code entries} rounded down to whole patients (three entries each), at least one. */
    Result measure(int entries, int warmUpPatients) throws Exception {
        int patients = Math.max(1, entries / 3);
        // unmeasured: the first requests of each path pay for class loading and connections
        batch(warmUpPatients);
        own(warmUpPatients, new Histogram(3));
        facadeSingles(warmUpPatients, new Histogram(3));

        String facade = LocalFhirFacade.SPEC.name();
        stack.pid(facade).orElseThrow(); // P7 needs a stack with the facade
        try (PeakResident peak = new PeakResident(stack, Duration.ofMillis(250), facade)) {
            double[] validationBefore = validation();
            Map<String, Duration> cpuBefore = stack.cpuTimes();
            long started = System.nanoTime();
            batch(patients);
            double batchSeconds = (System.nanoTime() - started) / 1e9;
            Map<String, Double> batchCpu = stack.cpuSecondsSince(cpuBefore);
            double[] validationAfter = validation();

            Histogram ownSingles = new Histogram(3);
            cpuBefore = stack.cpuTimes();
            started = System.nanoTime();
            long ownRecords = own(patients, ownSingles);
            double ownSeconds = (System.nanoTime() - started) / 1e9;
            Map<String, Double> ownCpu = stack.cpuSecondsSince(cpuBefore);

            Histogram facadeSingles = new Histogram(3);
            facadeSingles(patients, facadeSingles);
            return new Result(
                    warmUpPatients,
                    patients,
                    patients * 3,
                    batchSeconds,
                    ownRecords,
                    ownSeconds,
                    facadeSingles,
                    ownSingles,
                    (long) (validationAfter[0] - validationBefore[0]),
                    validationAfter[1] - validationBefore[1],
                    validationAfter[2] - validationBefore[2],
                    peak.of(facade),
                    batchCpu,
                    ownCpu);
        }
    }

    /** The cohort as batches of whole patients; any entry not created fails the run. */
    private void batch(int patients) throws Exception {
        for (int done = 0; done < patients; done += PATIENTS_PER_BATCH) {
            int size = Math.min(PATIENTS_PER_BATCH, patients - done);
            List<String> entries = new ArrayList<>(size * 3);
            for (int i = 0; i < size; i++) {
                String patientId = nextPatientId();
                String subject = "Patient?identifier=" + BASE + "/sid/patient-id|" + patientId;
                entries.add(entry(PATIENT.formatted(patientId), "Patient"));
                entries.add(entry(CONDITION.formatted(subject), "Condition"));
                entries.add(entry(PROCEDURE.formatted(subject), "Procedure"));
            }
            String bundle =
                    "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[" + String.join(",", entries) + "]}";
            HttpResponse<String> response =
                    stack.post("fhir", "/fhir", bundle, "clinical-writer", Duration.ofMinutes(15));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the batch answered " + response.statusCode());
            }
            int created = 0;
            for (JsonNode entry : EventJson.mapper().readTree(response.body()).get("entry")) {
                if (entry.get("response").get("status").asString().startsWith("201")) {
                    created++;
                }
            }
            if (created != size * 3) {
                throw new IllegalStateException(
                        "the batch created " + created + " of " + size * 3 + " entries: " + response.body());
            }
        }
    }

    private static String entry(String resource, String type) {
        return "{\"resource\":" + resource + ",\"request\":{\"method\":\"POST\",\"url\":\"" + type + "\"}}";
    }

    /** The same records through the own API, one POST after another; returns how many. */
    private long own(int patients, Histogram singles) throws Exception {
        long records = 0;
        for (int i = 0; i < patients; i++) {
            String patientId = nextPatientId();
            timed(singles, "intake", "/api/v1/diagnoses", DIAGNOSIS.formatted(patientId), 201);
            timed(singles, "treatment", "/api/v1/injections", INJECTION.formatted(patientId), 201);
            records += 2;
        }
        return records;
    }

    /**
     * Each patient's resources POSTed alone to the facade: the Patient (kept by the facade itself, not
     * timed), then its Condition and Procedure, which go through to the services: those are timed.
     */
    private void facadeSingles(int patients, Histogram singles) throws Exception {
        for (int i = 0; i < patients; i++) {
            HttpResponse<String> patient =
                    stack.post("fhir", "/fhir/Patient", PATIENT.formatted(nextPatientId()), "clinical-writer");
            if (patient.statusCode() != 201) {
                throw new IllegalStateException("POST Patient answered " + patient.statusCode());
            }
            String location = patient.headers().firstValue("Location").orElseThrow();
            String reference = location.substring(location.indexOf("Patient/")).replaceFirst("/_history/.*", "");
            timed(singles, "fhir", "/fhir/Condition", CONDITION.formatted(reference), 201);
            timed(singles, "fhir", "/fhir/Procedure", PROCEDURE.formatted(reference), 201);
        }
    }

    private void timed(Histogram histogram, String service, String path, String body, int expected) throws Exception {
        long sent = System.nanoTime();
        HttpResponse<String> response = stack.post(service, path, body, "clinical-writer");
        long micros = (System.nanoTime() - sent) / 1000;
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode());
        }
        histogram.recordValue(Math.max(1, micros));
    }

    /** The facade's validation timers: {validations, their seconds, seconds entries waited for them} so far. */
    private double[] validation() throws Exception {
        HttpResponse<String> metrics = stack.get("fhir", "/actuator/prometheus", "ops");
        double count = Double.NaN;
        double sum = Double.NaN;
        double waited = 0; // absent until a batch has waited
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("footdrop_fhir_validation_seconds_count")) {
                count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith("footdrop_fhir_validation_seconds_sum")) {
                sum = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith("footdrop_fhir_validation_wait_seconds_sum")) {
                waited = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        if (Double.isNaN(count) || Double.isNaN(sum)) {
            throw new IllegalStateException("the facade exposes no footdrop_fhir_validation_seconds timer");
        }
        return new double[] {count, sum, waited};
    }

    private String nextPatientId() {
        return prefix + sequence.getAndIncrement();
    }

    // ---------------------------------------------------------------- the report's section

    static void summaryRow(Result r, Report.SummaryRow row) {
        if (r == null) {
            return;
        }
        row.add(
                "P7 FHIR batch of " + String.format(Locale.ROOT, "%,d", r.entries()) + " entries vs the own API",
                String.format(
                        Locale.ROOT,
                        "%.2fx the own API's time (%.1f vs %.1f ms a record); validation %.1f ms a resource,"
                                + " %.2fx without the wait for it",
                        r.overhead(),
                        r.batchSeconds() * 1000 / r.ownRecords(),
                        r.ownMsPerRecord(),
                        r.validations() == 0 ? 0 : r.validationSeconds() * 1000 / r.validations(),
                        r.overheadWithoutValidation()),
                "<= 1.5x",
                r.overhead() <= 1.5);
    }

    static void section(StringBuilder md, Result r) {
        if (r == null) {
            return;
        }
        md.append("## P7: the FHIR facade\n\n");
        md.append("On a stack that runs the facade, after "
                        + r.warmUpPatients()
                        + (r.warmUpPatients() == 1 ? " patient" : " patients")
                        + " through each path, unmeasured: ")
                .append(r.patients())
                .append(" patients, each a Patient, a Condition and a Procedure, POSTed as batch Bundles of at most ")
                .append(PATIENTS_PER_BATCH * 3)
                .append(" entries; then as many other patients' same records through the own API (a diagnosis,"
                        + " which carries the Patient's birth year and sex, and an injection), one POST after"
                        + " another. The batch's time is divided by its entries; the p99s are of single POSTs"
                        + " (the facade's Conditions and Procedures, each written through to its service)."
                        + " Validation is the facade's own timer over the batch.\n\n");
        md.append("| path | records | seconds | records/s | ms a record | single POST p50 | single POST p99 |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        md.append(String.format(
                Locale.ROOT,
                "| FHIR batch | %,d entries (%,d records) | %.2f | %,.0f entries/s | %.1f an entry | %s | %s |%n",
                r.entries(),
                r.ownRecords(),
                r.batchSeconds(),
                r.entriesPerSecond(),
                r.batchMsPerEntry(),
                ms(r.facadeSingles().getValueAtPercentile(50)),
                ms(r.facadeSingles().getValueAtPercentile(99))));
        md.append(String.format(
                Locale.ROOT,
                "| own API | %,d records | %.2f | %,.0f | %.1f | %s | %s |%n%n",
                r.ownRecords(),
                r.ownSeconds(),
                r.ownPerSecond(),
                r.ownMsPerRecord(),
                ms(r.ownSingles().getValueAtPercentile(50)),
                ms(r.ownSingles().getValueAtPercentile(99))));
        md.append(String.format(
                Locale.ROOT,
                "Overhead: %.2fx the own API's time for the same records (single POST p99 %.2fx). Validation"
                        + " (the facade's timer, wall time): %,d resources in %.2f s, %.1f ms each, run ahead of"
                        + " the entries on a thread of the batch's own; the entries waited %.2f s for it (%.0f%%"
                        + " of the batch's time), and without that wait the batch is %.2fx the own API's time."
                        + " The target (1.5x) is judged on the first ratio."
                        + " The facade's largest resident size during the stage: %.0f MiB.%n%n",
                r.overhead(),
                r.facadeSingles().getValueAtPercentile(99)
                        / (double) Math.max(1, r.ownSingles().getValueAtPercentile(99)),
                r.validations(),
                r.validationSeconds(),
                r.validations() == 0 ? 0 : r.validationSeconds() * 1000 / r.validations(),
                r.validationWaitSeconds(),
                100 * r.validationWaitSeconds() / r.batchSeconds(),
                r.overheadWithoutValidation(),
                r.peakFacadeBytes() / (1024.0 * 1024)));
        cpu(md, r);
    }

    /**
     * Where the facade's extra time goes on a machine whose cores the whole stack shares: each process's
     * CPU seconds while each path ran (work a path left behind, such as events still being projected,
     * counts in whatever ran next).
     */
    private static void cpu(StringBuilder md, Result r) {
        if (r.batchCpu().isEmpty()) {
            return;
        }
        md.append("CPU seconds each process used while each path ran (")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores):\n\n");
        md.append("| process | FHIR batch | own API | difference |\n");
        md.append("| --- | --- | --- | --- |\n");
        double batchTotal = 0;
        double ownTotal = 0;
        for (Map.Entry<String, Double> process : r.batchCpu().entrySet()) {
            double own = r.ownCpu().getOrDefault(process.getKey(), 0.0);
            batchTotal += process.getValue();
            ownTotal += own;
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.1f | %+.1f |%n",
                    process.getKey(),
                    process.getValue(),
                    own,
                    process.getValue() - own));
        }
        md.append(String.format(
                Locale.ROOT,
                "| **all** | **%.1f** | **%.1f** | **%+.1f** |%n%n",
                batchTotal,
                ownTotal,
                batchTotal - ownTotal));
    }

    private static String ms(long micros) {
        double millis = micros / 1000.0;
        return String.format(Locale.ROOT, millis < 10 ? "%.1f ms" : "%.0f ms", millis);
    }
}
