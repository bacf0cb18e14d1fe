package org.footdrop.systemtests;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.footdrop.contract.EventJson;

/**
 * Clinical systems writing steadily: each worker records one patient after another (diagnosis,
 * baseline, two injections, a week-6 follow-up, sometimes an amended follow-up and a voided second
 * injection). A write is retried with its Idempotency-Key until it gets a 2xx, as a careful client
 * does through crashes and outages, and only then enters the ledger.
 */
final class ClinicalLoad implements AutoCloseable {

    private static final Duration GIVE_UP = Duration.ofMinutes(3);

    private final RunningSystem system;
    private final Ledger ledger;
    private final String run;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger patientsStarted = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final boolean storeMayLoseWrites;
    private final List<Thread> workers = new ArrayList<>();
    private final List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

    ClinicalLoad(RunningSystem system, Ledger ledger, String run, int workers) {
        this(system, ledger, run, workers, false);
    }

    /**
     * @param storeMayLoseWrites the store may crash and lose acknowledged writes: a correction of a
     *        record the store no longer has (404) abandons that patient instead of failing the load
     */
    ClinicalLoad(RunningSystem system, Ledger ledger, String run, int workers, boolean storeMayLoseWrites) {
        this.storeMayLoseWrites = storeMayLoseWrites;
        this.system = system;
        this.ledger = ledger;
        this.run = run;
        for (int i = 0; i < workers; i++) {
            Thread worker = new Thread(this::work, "clinical-load-" + i);
            worker.setDaemon(true);
            this.workers.add(worker);
            worker.start();
        }
    }

    int serverErrors() {
        return serverErrors.get();
    }

    /** Patients given up because the store lost a record they were correcting. */
    int abandoned() {
        return abandoned.get();
    }

    /** A record acknowledged earlier is gone: the store crashed inside its commit window. */
    static final class LostRecord extends Exception {
        LostRecord(String path) {
            super(path + " was acknowledged but is gone");
        }
    }

    int retries() {
        return retries.get();
    }

    List<Throwable> failures() {
        return failures;
    }

    /** Stops after each worker finishes its current patient. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread worker : workers) {
            worker.join(GIVE_UP.toMillis());
        }
    }

    private void work() {
        try {
            while (running.get()) {
                try {
                    recordPatient("pt-rel-" + run + "-" + patientsStarted.incrementAndGet());
                } catch (LostRecord lost) {
                    abandoned.incrementAndGet();
                }
            }
        } catch (Throwable t) {
            failures.add(t);
        }
    }

    private void recordPatient(String patientId) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        write(patientId, "intake", "POST", "/api/v1/diagnoses", """
                {"patientId":"%s","side":"LEFT","diagnosisDate":"2026-02-20","causeCategory":"FIBULAR_NERVE_AT_KNEE"}
                """.formatted(patientId), null);
        write(
                patientId,
                "intake",
                "POST",
                "/api/v1/assessments",
                assessment(patientId, "2026-03-01T09:00:00Z", "BASELINE", "0.62"),
                null);
        ledger.patient(patientId).baseline = true;
        String first = write(
                        patientId,
                        "treatment",
                        "POST",
                        "/api/v1/injections",
                        injection(patientId, "2026-03-02T10:00:00Z"),
                        null)
                .get("injectionId")
                .asString();
        String second = write(
                        patientId,
                        "treatment",
                        "POST",
                        "/api/v1/injections",
                        injection(patientId, "2026-03-30T10:00:00Z"),
                        null)
                .get("injectionId")
                .asString();
        synchronized (ledger.patient(patientId)) {
            ledger.patient(patientId).injections.addAll(List.of(first, second));
        }
        String followUp = write(
                        patientId,
                        "intake",
                        "POST",
                        "/api/v1/assessments",
                        assessment(patientId, "2026-04-13T09:00:00Z", "FOLLOW_UP", "0.72"),
                        null)
                .get("assessmentId")
                .asString();
        ledger.patient(patientId).followUpGaitSpeed = "0.72";
        if (random.nextInt(4) == 0) {
            write(
                    patientId,
                    "intake",
                    "PUT",
                    "/api/v1/assessments/" + followUp,
                    assessment(patientId, "2026-04-13T09:00:00Z", "FOLLOW_UP", "0.66"),
                    "\"1\"");
            ledger.patient(patientId).followUpGaitSpeed = "0.66";
        }
        if (random.nextInt(4) == 0) {
            write(
                    patientId,
                    "treatment",
                    "DELETE",
                    "/api/v1/injections/" + second,
                    "{\"reason\":\"entered for the wrong visit\"}",
                    "\"1\"");
            synchronized (ledger.patient(patientId)) {
                ledger.patient(patientId).voidedInjections.add(second);
            }
        }
    }

    /** Retries the same request, same key, until a 2xx; records it in the ledger once. */
    private tools.jackson.databind.JsonNode write(
            String patientId, String service, String method, String path, String body, String ifMatch)
            throws Exception {
        String key = "rel-" + java.util.UUID.randomUUID();
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (true) {
            HttpResponse<String> response = null;
            try {
                response = ifMatch == null
                        ? system.send(method, service, path, body, "clinical-writer", "Idempotency-Key", key)
                        : system.send(
                                method,
                                service,
                                path,
                                body,
                                "clinical-writer",
                                "Idempotency-Key",
                                key,
                                "If-Match",
                                ifMatch);
            } catch (IOException e) {
                // the service is down or was killed mid-request: the write may or may not have landed
            }
            if (response != null && response.statusCode() / 100 == 2) {
                long at = System.nanoTime();
                ledger.accepted(patientId);
                tools.jackson.databind.JsonNode answer = EventJson.mapper().readTree(response.body());
                String record = method.equals("POST")
                        ? response.headers().firstValue("Location").orElse(path)
                        : path;
                ledger.acknowledged(
                        new Ledger.Ack(service, record, answer.path("revision").asInt(), at));
                return answer;
            }
            if (response != null && response.statusCode() >= 500) {
                serverErrors.incrementAndGet();
            }
            if (response != null && response.statusCode() == 404 && storeMayLoseWrites && !method.equals("POST")) {
                throw new LostRecord(path);
            }
            if (response != null && response.statusCode() / 100 == 4) {
                throw new IllegalStateException(
                        method + " " + path + " refused: " + response.statusCode() + " " + response.body());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(method + " " + path + " never accepted");
            }
            retries.incrementAndGet();
            Thread.sleep(200);
        }
    }

    private static String assessment(String patientId, String at, String kind, String gaitSpeed) {
        return """
                {"patientId":"%s","assessedAt":"%s","kind":"%s","side":"LEFT","measures":{"gaitSpeedComfortable":%s}}
                """.formatted(patientId, at, kind, gaitSpeed);
    }

    private static String injection(String patientId, String at) {
        return """
                {"patientId":"%s","administeredAt":"%s","technique":"NERVE_HYDRODISSECTION",
                 "target":"FIBULAR_NERVE","side":"LEFT","guidance":"ULTRASOUND","solution":"DEXTROSE_5",
                 "volumeMl":10,"durationMinutes":30}
                """.formatted(patientId, at);
    }
}
