package org.footdrop.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.footdrop.stack.InfraPorts;
import org.footdrop.stack.LocalFhirFacade;
import org.footdrop.stack.ServiceSpec;
import org.footdrop.stack.SystemStack;

/**
 * The embedded stack as the launcher runs it (its broker, store and service processes with the
 * launcher's JVM flags), on free ports, for the benchmark: {@link SystemStack} with the broker and
 * the store in a JVM of their own with run-local.sh's flags, as in the launcher's, so the harness's
 * load generator and clients are never counted as the stack's memory or CPU. The store is the
 * launcher's on-disk mongo-java-server unless {@code mongoUri} names another MongoDB, which every
 * service then uses. What is here is the harness's side: requests with a role's token, and each
 * child's pid and resident size.
 */
final class BenchmarkStack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    static final String INFRASTRUCTURE = SystemStack.INFRASTRUCTURE_JVM;

    final InfraPorts ports;
    final String mongoUri;
    /** Seconds from the start of {@link #start} to each component ready, in order. */
    final Map<String, Double> readyAfter;

    private final SystemStack stack;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private BenchmarkStack(SystemStack stack) {
        this.stack = stack;
        this.ports = stack.ports();
        this.mongoUri = stack.mongoUri();
        this.readyAfter = stack.readyAfter();
    }

    /**
     * Starts everything as the launcher does (store and broker, then the authorization server, then
     * the three services at once, then the web app, as in the default local stack) and waits until each is
     * ready.
     */
    static BenchmarkStack start(Path data, String externalMongoUri, Map<String, String> serviceEnvironment)
            throws Exception {
        return start(data, externalMongoUri, serviceEnvironment, false);
    }

    /** As {@link #start(Path, String, Map)}, with the FHIR facade beside the services if {@code withFhir}. */
    static BenchmarkStack start(
            Path data, String externalMongoUri, Map<String, String> serviceEnvironment, boolean withFhir)
            throws Exception {
        return new BenchmarkStack(SystemStack.builder(data, BenchmarkStack.class)
                .services(withFhir ? LocalFhirFacade.withServices() : ServiceSpec.all())
                .infrastructure(SystemStack.Infra.OWN_JVM)
                .externalMongo(externalMongoUri)
                .logs(data.resolve("logs"))
                .serviceEnvironment(serviceEnvironment)
                .webApp(true)
                .readyTimeout(READY_TIMEOUT)
                .start());
    }

    String url(String shortName) {
        return stack.url(shortName);
    }

    /** The authorization server's base URL. */
    String issuer() {
        return stack.issuer();
    }

    String token(String role) {
        return stack.token(role);
    }

    HttpClient http() {
        return http;
    }

    /** A GET with the role's token. */
    HttpResponse<String> get(String service, String pathAndQuery, String role)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url(service) + pathAndQuery))
                        .header("Authorization", "Bearer " + token(role))
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String service, String pathAndQuery, String body, String role)
            throws IOException, InterruptedException {
        return post(service, pathAndQuery, body, role, Duration.ofSeconds(60));
    }

    /** A POST allowed {@code timeout}: a FHIR batch of a thousand entries takes longer than a record. */
    HttpResponse<String> post(String service, String pathAndQuery, String body, String role, Duration timeout)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url(service) + pathAndQuery))
                        .header("Authorization", "Bearer " + token(role))
                        .header("Content-Type", "application/json")
                        .timeout(timeout)
                        .POST(
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Each child JVM's pid, by name (the broker and store first, then the authorization server). */
    Map<String, Long> pids() {
        return stack.pids();
    }

    /** CPU time used so far by the harness itself and by each child JVM, by name. */
    Map<String, Duration> cpuTimes() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        cpu.put(
                "benchmark harness (feeder, clients)",
                ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        for (Map.Entry<String, Long> child : pids().entrySet()) {
            cpu.put(
                    child.getKey(),
                    ProcessHandle.of(child.getValue())
                            .flatMap(p -> p.info().totalCpuDuration())
                            .orElse(Duration.ZERO));
        }
        return cpu;
    }

    /** CPU seconds each process used from {@code before} to now. */
    Map<String, Double> cpuSecondsSince(Map<String, Duration> before) {
        Map<String, Double> used = new LinkedHashMap<>();
        cpuTimes()
                .forEach((name, after) -> used.put(
                        name,
                        after.minus(before.getOrDefault(name, Duration.ZERO)).toMillis() / 1000.0));
        return used;
    }

    Optional<Long> pid(String serviceName) {
        return Optional.ofNullable(pids().get(serviceName));
    }

    /** Resident set size in bytes, from /proc (Linux); empty elsewhere. */
    static Optional<Long> residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        stack.close();
    }
}
