package org.footdrop.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The largest resident size of some of the stack's children while a stage runs: sampled from the first
 * moment at a fixed period until closed. P6 reads the importing services', P7 the FHIR facade's.
 */
final class PeakResident implements AutoCloseable {

    private final BenchmarkStack stack;
    private final Map<String, AtomicLong> peaks = new LinkedHashMap<>();
    private final ScheduledExecutorService sampler;

    PeakResident(BenchmarkStack stack, Duration period, String... services) {
        this.stack = stack;
        for (String service : services) {
            peaks.put(service, new AtomicLong());
        }
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rss-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(this::sample, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The largest size seen of the service, in bytes; 0 if none was. */
    long of(String service) {
        return peaks.get(service).get();
    }

    private void sample() {
        peaks.forEach((service, peak) -> {
            try {
                stack.pid(service)
                        .flatMap(BenchmarkStack::residentBytes)
                        .ifPresent(bytes -> peak.accumulateAndGet(bytes, Math::max));
            } catch (RuntimeException e) {
                // a missed sample lowers no peak already seen
            }
        });
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
