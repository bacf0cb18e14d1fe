package org.footdrop.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the clinical systems were told is safe: every write that got a 2xx, by patient. The
 * expected projection is computed from this alone, never by asking the projector.
 */
final class Ledger {

    /** One patient's accepted writes. Each accepted write is exactly one event. */
    static final class Patient {
        final String patientId;
        final AtomicInteger events = new AtomicInteger();
        final List<String> injections = new ArrayList<>(); // accepted, in administration order
        final List<String> voidedInjections = new ArrayList<>();
        volatile boolean baseline;
        volatile String followUpGaitSpeed;

        Patient(String patientId) {
            this.patientId = patientId;
        }

        synchronized int activeInjections() {
            return injections.size() - voidedInjections.size();
        }

        /** Baseline 0.62 the day before day 0, follow-up at day 42: a responder when it rose by 0.10 m/s or more. */
        Boolean week6Responder() {
            if (!baseline || followUpGaitSpeed == null || activeInjections() == 0) {
                return null;
            }
            return new java.math.BigDecimal(followUpGaitSpeed)
                            .subtract(new java.math.BigDecimal("0.62"))
                            .compareTo(new java.math.BigDecimal("0.10"))
                    >= 0;
        }
    }

    /** A 2xx write: the record it created or changed, the revision it got, and when the client heard so. */
    record Ack(String service, String recordPath, int revision, long atNanos) {}

    private final Map<String, Patient> patients = new ConcurrentHashMap<>();
    private final List<Ack> acks = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger writes = new AtomicInteger();

    Patient patient(String patientId) {
        return patients.computeIfAbsent(patientId, Patient::new);
    }

    void accepted(String patientId) {
        patient(patientId).events.incrementAndGet();
        writes.incrementAndGet();
    }

    void acknowledged(Ack ack) {
        acks.add(ack);
    }

    List<Ack> acks() {
        synchronized (acks) {
            return List.copyOf(acks);
        }
    }

    int writes() {
        return writes.get();
    }

    List<Patient> patients() {
        return List.copyOf(patients.values());
    }
}
