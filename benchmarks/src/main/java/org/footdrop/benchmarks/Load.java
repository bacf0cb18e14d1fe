package org.footdrop.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** HTTP load with bounded concurrency; latencies in an HdrHistogram (microseconds). */
final class Load {

    /** One request to make: full URI, body, the role's token, and whether a 4xx is the expected answer. */
    record Request(URI uri, String body, String token, boolean expectRejection) {}

    /** What a run did: accepted (2xx), rejected as expected (4xx for an invalid body), and anything else. */
    record Result(String name, double seconds, long accepted, long rejected, long errors, Histogram latencyMicros) {

        double acceptedPerSecond() {
            return accepted / seconds;
        }

        double p(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Load() {}

    static HttpResponse<String> send(Request request) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(request.uri())
                        .header("Authorization", "Bearer " + request.token())
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(request.body()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Closed loop: {@code concurrency} callers, each sending its next request when the last one is
     * answered, for a warm-up (not counted) and then the measured duration.
     */
    static Result closedLoop(
            String name, int concurrency, Duration warmUp, Duration measured, Supplier<Request> requests)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        ExecutorService callers = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < concurrency; i++) {
            callers.execute(() -> {
                while (System.nanoTime() < end) {
                    Request request = requests.get();
                    long sent = System.nanoTime();
                    int status;
                    try {
                        status = send(request).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    long answered = System.nanoTime();
                    if (sent < measureFrom || answered > end) {
                        continue;
                    }
                    recorder.recordValue(Math.max(1, (answered - sent) / 1000));
                    count(status, request.expectRejection(), accepted, rejected, errors);
                }
            });
        }
        callers.shutdown();
        callers.awaitTermination(measured.plus(warmUp).toSeconds() + 120, TimeUnit.SECONDS);
        return new Result(
                name,
                measured.toNanos() / 1e9,
                accepted.get(),
                rejected.get(),
                errors.get(),
                recorder.getIntervalHistogram());
    }

    /**
     * Open loop: one request every {@code 1/ratePerSecond} seconds whether or not earlier ones are
     * answered (up to {@code maxInFlight} at once), so a slow answer does not lower the offered rate.
     */
    static Result openLoop(
            String name, double ratePerSecond, int maxInFlight, Duration measured, Supplier<Runnable> work)
            throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(maxInFlight);
        long interval = (long) (1e9 / ratePerSecond);
        long start = System.nanoTime();
        long end = start + measured.toNanos();
        List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
        for (long next = start; next < end; next += interval) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            pending.add(senders.submit(work.get()));
        }
        senders.shutdown();
        senders.awaitTermination(120, TimeUnit.SECONDS);
        return new Result(name, measured.toNanos() / 1e9, pending.size(), 0, 0, new Histogram(3));
    }

    static void count(
            int status, boolean expectRejection, AtomicLong accepted, AtomicLong rejected, AtomicLong errors) {
        if (status >= 200 && status < 300 && !expectRejection) {
            accepted.incrementAndGet();
        } else if (expectRejection && status >= 400 && status < 500) {
            rejected.incrementAndGet();
        } else {
            errors.incrementAndGet();
        }
    }
}
