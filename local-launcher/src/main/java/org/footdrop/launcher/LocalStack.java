package org.footdrop.launcher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.footdrop.stack.CommandLines;
import org.footdrop.stack.InfraPorts;
import org.footdrop.stack.Infrastructure;
import org.footdrop.stack.LocalAuthorizationServer;
import org.footdrop.stack.LocalFhirFacade;
import org.footdrop.stack.LocalWebApp;
import org.footdrop.stack.ReadinessProbe;
import org.footdrop.stack.RepositoryRoot;
import org.footdrop.stack.ServiceJars;
import org.footdrop.stack.ServiceProcess;
import org.footdrop.stack.ServiceSpec;
import org.footdrop.stack.TopicSpec;

/**
 * Starts the whole system on one machine: infrastructure in this JVM, the authorization server and
 * each service as child JVMs.
 */
public final class LocalStack {

    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final long startedAtMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final AtomicReference<Infrastructure> infrastructure = new AtomicReference<>();
    private final List<ServiceProcess> services = new ArrayList<>(); // guarded by itself, with the two below
    private ServiceProcess authorizationServer;
    private boolean stopRequested;
    // Not the common pool: on 2 cores it runs one task at a time, and each probe mostly sleeps.
    private final ExecutorService probes = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "readiness-probe");
        t.setDaemon(true);
        return t;
    });

    public static void main(String[] args) throws Exception {
        Path repoRoot = RepositoryRoot.of(LocalStack.class);
        LaunchOptions options = CommandLines.parseOrExit(
                LaunchOptions.commandLine(), args, parsed -> LaunchOptions.from(parsed, System.getenv(), repoRoot));
        new LocalStack().run(options, repoRoot);
    }

    private void run(LaunchOptions options, Path repoRoot) throws Exception {
        ServiceJars jars = ServiceJars.ofModule(LocalStack.class);
        Path logDir = Files.createDirectories(options.dataDir().resolve("logs"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "local-stack-shutdown"));
        InfraPorts ports = InfraPorts.standard();
        try {
            infrastructure.set(Infrastructure.start(options.dataDir(), ports, TopicSpec.standard()));
        } catch (Exception e) {
            System.err.println("could not start Kafka and MongoDB (are ports 9092, 9093 and 27017 free?): " + e);
            System.exit(1);
        }
        System.out.printf(
                "Kafka %s and MongoDB %s up after %s (data in %s)%n",
                ports.kafkaBootstrap(), ports.mongoUri(), elapsed(), options.dataDir());

        boolean authorizationServerReady = true;
        if (options.authorizationServer()) {
            // Before the services, which check every token against its keys.
            ServiceProcess auth = ServiceProcess.authorizationServer(
                    jars, repoRoot, logDir, options.dataDir(), options.restartCrashed());
            Launch launched = launch(auth, true);
            if (launched == Launch.STOPPING) {
                return;
            }
            authorizationServerReady = launched == Launch.STARTED && awaitOne(new ReadinessProbe(), auth);
        }
        for (ServiceSpec spec : options.services()) {
            ServiceProcess service = ServiceProcess.service(
                    spec, jars, repoRoot, logDir, ports, options.authorizationServer(), options.restartCrashed());
            if (launch(service, false) == Launch.STOPPING) {
                break;
            }
        }
        // The web app signs people in at the authorization server and reads the services: it runs with them.
        boolean webApp = options.authorizationServer() && !options.services().isEmpty();
        if (webApp
                && launch(
                                ServiceProcess.webApp(
                                        jars,
                                        repoRoot,
                                        logDir,
                                        options.restartCrashed(),
                                        options.services().contains(LocalFhirFacade.SPEC)),
                                false)
                        == Launch.STOPPING) {
            return;
        }
        boolean allReady = awaitReadiness(List.copyOf(services)) && authorizationServerReady;
        printSummary(options, ports, allReady, logDir, webApp);
        if (options.demoClinic()) {
            if (allReady) {
                DemoClinicStart.load(options.dataDir(), System.out);
            } else {
                System.out.println("The demo clinic is not imported: not every service is ready.");
            }
        }
        // Restarts during the first wait are covered by it; later ones get their own "ready" line.
        for (ServiceProcess child : children()) {
            child.onRestarted(
                    restarted -> CompletableFuture.runAsync(() -> awaitOne(new ReadinessProbe(), restarted), probes));
        }
        new CountDownLatch(1).await(); // everything else runs on other threads until Ctrl-C
    }

    private enum Launch {
        STARTED,
        JAR_MISSING,
        STOPPING
    }

    private Launch launch(ServiceProcess child, boolean isAuthorizationServer) throws IOException {
        if (!Files.isRegularFile(child.jar())) {
            System.out.printf(
                    "%s not started: %s is missing (run ./mvnw -B -DskipTests package)%n",
                    child.spec().name(), child.jar());
            return Launch.JAR_MISSING;
        }
        synchronized (services) {
            if (stopRequested) {
                return Launch.STOPPING; // Ctrl-C while starting: the shutdown hook no longer sees new children
            }
            if (isAuthorizationServer) {
                authorizationServer = child;
            } else {
                services.add(child);
            }
        }
        child.stopLeftoverFromPreviousRun();
        child.start();
        return Launch.STARTED;
    }

    private List<ServiceProcess> children() {
        synchronized (services) {
            List<ServiceProcess> all = new ArrayList<>(services);
            if (authorizationServer != null) {
                all.add(0, authorizationServer);
            }
            return all;
        }
    }

    private boolean awaitReadiness(List<ServiceProcess> started) {
        ReadinessProbe probe = new ReadinessProbe();
        List<CompletableFuture<Boolean>> checks = started.stream()
                .map(s -> CompletableFuture.supplyAsync(() -> awaitOne(probe, s), probes))
                .toList();
        return checks.stream().map(CompletableFuture::join).reduce(true, Boolean::logicalAnd);
    }

    private boolean awaitOne(ReadinessProbe probe, ServiceProcess service) {
        ServiceSpec spec = service.spec();
        try {
            ReadinessProbe.Outcome outcome =
                    probe.await(URI.create(spec.readinessUrl()), READINESS_TIMEOUT, service::isAliveOrRestarting);
            switch (outcome) {
                case READY -> System.out.printf("%s ready at %s after %s%n", spec.name(), spec.url(), elapsed());
                case EXITED ->
                    System.out.printf("%s exited before it was ready; log: %s%n", spec.name(), service.log());
                case TIMED_OUT ->
                    System.out.printf(
                            "%s not ready after %d s; log: %s%n",
                            spec.name(), READINESS_TIMEOUT.toSeconds(), service.log());
            }
            return outcome == ReadinessProbe.Outcome.READY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void printSummary(LaunchOptions options, InfraPorts ports, boolean allReady, Path logDir, boolean webApp) {
        StringBuilder out = new StringBuilder(System.lineSeparator());
        out.append(allReady ? "Foot drop outcomes stack ready in " : "Stack started, NOT all services ready, after ")
                .append(elapsed())
                .append(System.lineSeparator());
        if (options.authorizationServer()) {
            out.append(String.format(
                    "  %-20s %s%n", LocalAuthorizationServer.SPEC.name(), LocalAuthorizationServer.issuer()));
        }
        for (ServiceSpec spec : options.services()) {
            out.append(String.format("  %-20s %s%n", spec.name(), spec.url()));
        }
        if (webApp) {
            out.append(String.format(
                    "  %-20s %s  <- open this in a browser and sign in%n",
                    LocalWebApp.SPEC.name(), LocalWebApp.SPEC.url()));
        }
        out.append(String.format("  %-20s %s%n", "Kafka", ports.kafkaBootstrap()));
        out.append(String.format("  %-20s %s%n", "MongoDB", ports.mongoUri()));
        out.append(String.format("  %-20s %s%n", "logs", logDir));
        if (options.authorizationServer()) {
            out.append(LocalAuthorizationServer.clientsSummary(System.getenv())).append(System.lineSeparator());
            out.append(LocalAuthorizationServer.usersSummary(System.getenv())).append(System.lineSeparator());
        }
        out.append("Ctrl-C stops everything; data is kept for the next start.");
        System.out.println(out);
    }

    /**
     * Services first (they use the rest while they shut down), then the authorization server, then
     * broker, then store.
     */
    private void stop() {
        List<ServiceProcess> running;
        ServiceProcess auth;
        synchronized (services) {
            stopRequested = true;
            running = List.copyOf(services);
            auth = authorizationServer;
        }
        Infrastructure infra = infrastructure.getAndSet(null);
        if (infra == null && running.isEmpty() && auth == null) {
            return; // failed before anything started; the error is already printed
        }
        System.out.println("stopping...");
        ServiceProcess.stopAll(running, STOP_GRACE);
        if (auth != null) {
            ServiceProcess.stopAll(List.of(auth), STOP_GRACE);
        }
        if (infra != null) {
            infra.close();
        }
        System.out.println("stopped");
    }

    private String elapsed() {
        double seconds = (System.currentTimeMillis() - startedAtMillis) / 1000.0;
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
