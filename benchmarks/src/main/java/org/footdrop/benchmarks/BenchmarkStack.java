package org.footdrop.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.footdrop.stack.ClientCredentials;
import org.footdrop.stack.FreePorts;
import org.footdrop.stack.InfraPorts;
import org.footdrop.stack.InfrastructureProcess;
import org.footdrop.stack.JvmFlags;
import org.footdrop.stack.LocalAuthorizationServer;
import org.footdrop.stack.ReadinessProbe;
import org.footdrop.stack.RepositoryRoot;
import org.footdrop.stack.ServiceJars;
import org.footdrop.stack.ServiceProcess;
import org.footdrop.stack.ServiceSpec;

/**
 * The embedded stack as the launcher runs it (its broker, store and service processes with the
 * launcher's JVM flags), on free ports, for the benchmark. The broker and the store run in a JVM of
 * their own with run-local.sh's flags, as in the launcher's, so the harness's load generator and
 * clients are never counted as the stack's memory or CPU. The store is the launcher's on-disk
 * mongo-java-server unless {@code mongoUri} names another MongoDB, which every service then uses.
 */
final class BenchmarkStack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    final Path data;
    final InfraPorts ports;
    final String mongoUri;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String INFRASTRUCTURE = "broker and store (the launcher's JVM)";
    private Process infrastructure;
    private boolean embeddedStore;
    private final List<ServiceProcess> services = new ArrayList<>();
    private ServiceProcess authorizationServer;
    private final Map<String, ServiceSpec> specs = new LinkedHashMap<>();
    private ClientCredentials tokens;
    /** Seconds from the start of {@link #start} to each component ready, in order. */
    final Map<String, Double> readyAfter = new LinkedHashMap<>();

    private BenchmarkStack(Path data, String externalMongoUri) {
        this.data = data;
        this.ports = FreePorts.infrastructure();
        this.mongoUri = externalMongoUri != null ? externalMongoUri : ports.mongoUri();
    }

    /**
     * Starts everything as the launcher does (store and broker, then the authorization server, then
     * the three services at once) and waits until each is ready.
     */
    static BenchmarkStack start(Path data, String externalMongoUri, Map<String, String> serviceEnvironment)
            throws Exception {
        BenchmarkStack stack = new BenchmarkStack(data, externalMongoUri);
        try {
            stack.startAll(externalMongoUri == null, serviceEnvironment);
        } catch (Exception | AssertionError e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void startAll(boolean embeddedStore, Map<String, String> serviceEnvironment) throws Exception {
        long started = System.nanoTime();
        Path repo = RepositoryRoot.of(BenchmarkStack.class);
        ServiceJars jars = ServiceJars.ofModule(BenchmarkStack.class).requireAll(ServiceSpec.everyProcess());
        Path logs = Files.createDirectories(data.resolve("logs"));
        this.embeddedStore = embeddedStore;
        startInfrastructure(logs);
        readyAfter.put(INFRASTRUCTURE, seconds(started));

        ServiceSpec auth = new ServiceSpec(
                "auth",
                LocalAuthorizationServer.SPEC.name(),
                FreePorts.next(),
                null,
                LocalAuthorizationServer.SPEC.heapMb());
        specs.put("auth", auth);
        authorizationServer = new ServiceProcess(
                auth,
                jars,
                repo,
                logs,
                Map.of(
                        "FOOTDROP_AUTH_ISSUER", auth.url(),
                        "FOOTDROP_AUTH_KEY_DIR", data.resolve(auth.name()).toString()),
                false);
        authorizationServer.start();
        awaitReady(authorizationServer);
        readyAfter.put(auth.name(), seconds(started));
        tokens = new ClientCredentials(auth.url());

        for (ServiceSpec standard : ServiceSpec.all()) {
            ServiceSpec spec = new ServiceSpec(
                    standard.shortName(), standard.name(), FreePorts.next(), standard.database(), standard.heapMb());
            specs.put(spec.shortName(), spec);
            Map<String, String> environment = new LinkedHashMap<>(serviceEnvironment);
            environment.put("KAFKA_BOOTSTRAP_SERVERS", ports.kafkaBootstrap());
            environment.put("MONGODB_URI", withDatabase(mongoUri, spec.database()));
            environment.put("FOOTDROP_AUTH_ISSUER", auth.url());
            environment.put("FOOTDROP_AUTH_JWKS_URI", auth.url() + "/oauth2/jwks");
            ServiceProcess process = new ServiceProcess(spec, jars, repo, logs, environment, false);
            services.add(process);
            process.start();
        }
        for (ServiceProcess service : services) {
            awaitReady(service);
            readyAfter.put(service.spec().name(), seconds(started));
        }
    }

    private void startInfrastructure(Path logs) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JvmFlags.infrastructure());
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                InfrastructureProcess.class.getName(),
                data.toString(),
                Integer.toString(ports.kafka()),
                Integer.toString(ports.kafkaController()),
                Integer.toString(embeddedStore ? ports.mongo() : 0)));
        infrastructure = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        logs.resolve("infrastructure.log").toFile()))
                .start();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!Files.readString(logs.resolve("infrastructure.log")).contains("ready")) {
            if (!infrastructure.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "broker and store did not start; log: " + logs.resolve("infrastructure.log"));
            }
            Thread.sleep(100);
        }
    }

    /** The MongoDB URI with the database as its path, keeping any options. */
    static String withDatabase(String uri, String database) {
        int hostsStart = uri.indexOf("://") + 3;
        int query = uri.indexOf('?', hostsStart);
        String options = query < 0 ? "" : uri.substring(query);
        String beforeOptions = query < 0 ? uri : uri.substring(0, query);
        int slash = beforeOptions.indexOf('/', hostsStart);
        String hosts = slash < 0 ? beforeOptions : beforeOptions.substring(0, slash);
        return hosts + "/" + database + options;
    }

    boolean embeddedStore() {
        return embeddedStore;
    }

    String url(String shortName) {
        return specs.get(shortName).url();
    }

    String token(String role) {
        return tokens.token(role);
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
        return http.send(
                HttpRequest.newBuilder(URI.create(url(service) + pathAndQuery))
                        .header("Authorization", "Bearer " + token(role))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .POST(
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Each child JVM's pid, by name (the broker and store first, then the authorization server). */
    Map<String, Long> pids() throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (infrastructure != null) {
            pids.put(INFRASTRUCTURE, infrastructure.pid());
        }
        List<ServiceProcess> all = new ArrayList<>();
        all.add(authorizationServer);
        all.addAll(services);
        for (ServiceProcess child : all) {
            Path pidFile = data.resolve("logs").resolve(child.spec().name() + ".pid");
            if (Files.exists(pidFile)) {
                pids.put(
                        child.spec().name(),
                        Long.parseLong(Files.readString(pidFile).trim()));
            }
        }
        return pids;
    }

    Optional<Long> pid(String serviceName) throws IOException {
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

    private void awaitReady(ServiceProcess service) throws InterruptedException {
        ReadinessProbe.Outcome outcome = new ReadinessProbe()
                .await(URI.create(service.spec().readinessUrl()), READY_TIMEOUT, service::isAliveOrRestarting);
        if (outcome != ReadinessProbe.Outcome.READY) {
            throw new IllegalStateException(service.spec().name() + " " + outcome + "; log: " + service.log());
        }
    }

    @Override
    public void close() {
        ServiceProcess.stopAll(List.copyOf(services), Duration.ofSeconds(20));
        if (authorizationServer != null) {
            ServiceProcess.stopAll(List.of(authorizationServer), Duration.ofSeconds(20));
        }
        if (infrastructure != null) {
            infrastructure.destroy(); // SIGTERM: the store writes its last commit
            try {
                if (!infrastructure.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    infrastructure.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                infrastructure.destroyForcibly();
            }
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
