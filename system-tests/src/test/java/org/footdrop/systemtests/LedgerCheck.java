package org.footdrop.systemtests;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.footdrop.contract.EventJson;
import tools.jackson.databind.JsonNode;

/** Compares the outcomes projection with what the ledger implies, patient by patient. */
final class LedgerCheck {

    /** What a check found: patients missing, events lost or counted twice, derived values wrong. */
    record Result(int patients, int missing, int lost, int duplicated, List<String> mismatches) {
        boolean settled() {
            return mismatches.isEmpty();
        }
    }

    private LedgerCheck() {}

    static Result check(RunningSystem system, Ledger ledger, String outcomesInstance) {
        int missing = 0;
        int lost = 0;
        int duplicated = 0;
        List<String> mismatches = new ArrayList<>();
        for (Ledger.Patient patient : ledger.patients()) {
            HttpResponse<String> response =
                    system.read(outcomesInstance, "/api/v1/patients/" + patient.patientId + "/outcomes");
            if (response == null || response.statusCode() != 200) {
                missing++;
                mismatches.add(patient.patientId + ": no projection ("
                        + (response == null ? "no answer" : response.statusCode()) + ")");
                continue;
            }
            JsonNode outcome = EventJson.mapper().readTree(response.body());
            int applied = outcome.path("appliedEvents").asInt();
            int expected = patient.events.get();
            if (applied < expected) {
                lost += expected - applied;
                mismatches.add(patient.patientId + ": " + applied + " events applied, " + expected + " accepted");
            } else if (applied > expected) {
                duplicated += applied - expected;
                mismatches.add(patient.patientId + ": " + applied + " events applied, only " + expected + " accepted");
            }
            JsonNode injections = outcome.path("injections");
            if (injections.size() != patient.activeInjections()) {
                mismatches.add(patient.patientId + ": " + injections.size() + " injections, expected "
                        + patient.activeInjections());
            }
            for (int i = 0; i < injections.size(); i++) {
                if (injections.get(i).path("nth").asInt() != i + 1) {
                    mismatches.add(patient.patientId + ": injection " + i + " numbered "
                            + injections.get(i).path("nth").asInt());
                }
            }
            Boolean responder = patient.week6Responder();
            JsonNode week6 = outcome.path("measures")
                    .path("gaitSpeedComfortable")
                    .path("windows")
                    .path("WEEK_6");
            if (responder != null
                    && (week6.path("responder").isMissingNode()
                            || week6.path("responder").asBoolean() != responder)) {
                mismatches.add(patient.patientId + ": week-6 responder " + week6.path("responder") + ", expected "
                        + responder);
            }
        }
        return new Result(ledger.patients().size(), missing, lost, duplicated, mismatches);
    }

    /** Checks until the projection equals the ledger or the time is up; returns the last result and how long it took. */
    static Settled awaitSettled(RunningSystem system, Ledger ledger, String outcomesInstance, Duration atMost)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + atMost.toNanos();
        Result result;
        do {
            result = check(system, ledger, outcomesInstance);
            if (result.settled()) {
                break;
            }
            Thread.sleep(1_000);
        } while (System.nanoTime() < deadline);
        return new Settled(result, Duration.ofNanos(System.nanoTime() - start));
    }

    record Settled(Result result, Duration took) {}
}
