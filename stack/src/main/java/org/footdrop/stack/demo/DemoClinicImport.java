package org.footdrop.stack.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.footdrop.contract.EventJson;
import org.footdrop.stack.ImportCommand;
import tools.jackson.databind.JsonNode;

/**
 * Loading the demo clinic into a running system: the file written, imported through both services
 * under {@link DemoClinic#JOB_SYSTEM} with the import command's progress bar, and (for tests) waited
 * for until outcomes-service has projected every line.
 */
public final class DemoClinicImport {

    /** Where the system answers: the two importing services, outcomes and the authorization server. */
    public record Addresses(URI intake, URI treatment, URI outcomes, String issuer) {}

    /** The clinic written and what importing it came to. */
    public record Loaded(DemoClinic.Written clinic, ImportCommand.Result result) {}

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private DemoClinicImport() {}

    /** Writes the clinic to {@code file} and imports it, printing progress and the summary to {@code out}. */
    public static Loaded load(DemoClinic clinic, Path file, Addresses at, PrintStream out) {
        DemoClinic.Written written = clinic.write(file);
        ImportCommand.Result result =
                ImportCommand.importFile(file, DemoClinic.JOB_SYSTEM, at.intake(), at.treatment(), at.issuer(), out);
        return new Loaded(written, result);
    }

    /**
     * Waits until each patient's outcomes hold every line of the file: their records' revisions add
     * up to the patient's lines (see {@link DemoClinic.Written}).
     *
     * @param clinicianToken a token with the clinician role, fetched again whenever needed
     * @throws IllegalStateException naming the first patient still behind when the time is up
     */
    public static void awaitProjected(
            DemoClinic.Written clinic, URI outcomes, Supplier<String> clinicianToken, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<String, Integer> patient : clinic.linesPerPatient().entrySet()) {
            while (projectedLines(outcomes, patient.getKey(), clinicianToken) != patient.getValue()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("outcomes has not projected all of " + patient.getKey() + "'s "
                            + patient.getValue() + " lines after " + timeout.toSeconds() + " s");
                }
                Thread.sleep(250);
            }
        }
    }

    /** The sum of the patient's projected records' revisions; -1 while the patient is unknown. */
    static long projectedLines(URI outcomes, String patientId, Supplier<String> token) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(outcomes.resolve("/api/v1/patients/" + patientId + "/outcomes"))
                .header("Authorization", "Bearer " + token.get())
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (response.statusCode() == 404) {
            return -1;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("outcomes answered " + response.statusCode() + " for " + patientId);
        }
        long revisions = 0;
        for (JsonNode record : EventJson.mapper().readTree(response.body()).path("records")) {
            revisions += record.path("revision").asLong();
        }
        return revisions;
    }
}
