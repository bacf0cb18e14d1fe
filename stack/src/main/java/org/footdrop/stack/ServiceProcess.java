package org.footdrop.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One service as its own JVM, so it can crash (and be restarted) without taking the others down. */
public final class ServiceProcess {

    private static final int MAX_RESTARTS = 3;
    private static final Duration RESTART_DELAY = Duration.ofSeconds(2);

    private final ServiceSpec spec;
    private final String name;
    private final Path jar;
    private final Path logDir;
    private final Path log;
    private final Path pidFile;
    private final Path workDir;
    private final Map<String, String> environment;
    private final boolean restartCrashed;

    private Process process;
    /** The child {@link #kill()} ended: its exit was asked for, so it is neither reported nor restarted. */
    private Process killed;

    private boolean stopping;
    private boolean restartPending;
    private int restarts;
    private volatile Consumer<ServiceProcess> onRestarted = restarted -> {};

    /**
     * @param workDir the child's working directory (the repository root)
     * @param environment what the child is told besides its port: the addresses it depends on
     */
    public ServiceProcess(
            ServiceSpec spec,
            ServiceJars jars,
            Path workDir,
            Path logDir,
            Map<String, String> environment,
            boolean restartCrashed) {
        this(spec, spec.name(), jars.jar(spec), workDir, logDir, environment, restartCrashed);
    }

    /**
     * Another instance of a service beside the first, e.g. a second outcomes-service in the same
     * consumer group: the same jar, its log and pid file named {@code name}.
     */
    public ServiceProcess(
            ServiceSpec spec,
            String name,
            ServiceJars jars,
            Path workDir,
            Path logDir,
            Map<String, String> environment,
            boolean restartCrashed) {
        this(spec, name, jars.jar(spec), workDir, logDir, environment, restartCrashed);
    }

    private ServiceProcess(
            ServiceSpec spec,
            String name,
            Path jar,
            Path workDir,
            Path logDir,
            Map<String, String> environment,
            boolean restartCrashed) {
        this.spec = spec;
        this.name = name;
        this.jar = jar;
        this.logDir = logDir;
        this.log = logDir.resolve(name + ".log");
        this.pidFile = logDir.resolve(name + ".pid");
        this.workDir = workDir;
        this.environment = Map.copyOf(environment);
        this.restartCrashed = restartCrashed;
    }

    /** The same service, jar, log and port, with these settings added to (or replacing) its environment. */
    public ServiceProcess withEnvironment(Map<String, String> changed) {
        Map<String, String> merged = new LinkedHashMap<>(environment);
        merged.putAll(changed);
        return new ServiceProcess(spec, name, jar, workDir, logDir, merged, restartCrashed);
    }

    /**
     * A service: its own database on the store, the broker, and, when the launcher runs the
     * authorization server, where to check tokens (otherwise the service's defaults apply).
     */
    public static ServiceProcess service(
            ServiceSpec spec,
            ServiceJars jars,
            Path workDir,
            Path logDir,
            InfraPorts ports,
            boolean withLocalAuthorizationServer,
            boolean restartCrashed) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", ports.kafkaBootstrap());
        environment.put("MONGODB_URI", ports.mongoUri() + "/" + spec.database());
        if (withLocalAuthorizationServer) {
            environment.putAll(LocalAuthorizationServer.serviceEnvironment());
        }
        return new ServiceProcess(spec, jars, workDir, logDir, environment, restartCrashed);
    }

    public static ServiceProcess authorizationServer(
            ServiceJars jars, Path workDir, Path logDir, Path dataDir, boolean restartCrashed) {
        return new ServiceProcess(
                LocalAuthorizationServer.SPEC,
                jars,
                workDir,
                logDir,
                LocalAuthorizationServer.environment(dataDir),
                restartCrashed);
    }

    /** The web app, reading the services at the launcher's standard addresses (the FHIR facade's if it runs). */
    public static ServiceProcess webApp(
            ServiceJars jars, Path workDir, Path logDir, boolean restartCrashed, boolean fhirFacade) {
        return new ServiceProcess(
                LocalWebApp.SPEC, jars, workDir, logDir, LocalWebApp.localEnvironment(fhirFacade), restartCrashed);
    }

    public ServiceSpec spec() {
        return spec;
    }

    /** The instance's name, which names its log and pid file: the spec's name unless it is a second instance. */
    public String name() {
        return name;
    }

    public Path jar() {
        return jar;
    }

    public Path log() {
        return log;
    }

    /** Called after each automatic restart, e.g. to report when the service is ready again. */
    public void onRestarted(Consumer<ServiceProcess> listener) {
        onRestarted = listener;
    }

    /** Alive, or crashed with a restart on its way: worth waiting for. */
    public synchronized boolean isAliveOrRestarting() {
        return restartPending || (process != null && process.isAlive());
    }

    /** The pid of the child last started, if one was. */
    public synchronized OptionalLong pid() {
        return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
    }

    /**
     * SIGKILL, as a crash would end it: no shutdown hook, no graceful stop, in-flight requests cut
     * off. Returns once it is gone; {@link #start()} starts it again. Asked for, so not restarted
     * by itself nor reported as a crash.
     */
    public void kill() throws InterruptedException {
        Process running;
        synchronized (this) {
            running = process;
            killed = running;
        }
        if (running != null) {
            running.destroyForcibly();
            running.waitFor();
        }
    }

    public synchronized void start() throws IOException {
        restartPending = false;
        if (stopping) {
            return;
        }
        Files.writeString(
                log,
                "==== " + name + " starting at " + Instant.now() + System.lineSeparator(),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment());
        Process started = builder.start();
        process = started;
        Files.writeString(pidFile, String.valueOf(started.pid()));
        started.onExit().thenAccept(this::exited);
    }

    /**
     * A launcher killed with kill -9 cannot stop its children; they would hold the service's port.
     * The pid file left by that run lets this one stop them, if they still run this service's jar.
     */
    public void stopLeftoverFromPreviousRun() throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        String pid = Files.readString(pidFile).trim();
        Files.delete(pidFile);
        if (!pid.matches("\\d{1,18}")) {
            return;
        }
        ProcessHandle.of(Long.parseLong(pid))
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains(jar.toString()))
                        .orElse(false))
                .ifPresent(p -> {
                    System.out.printf("stopping %s (pid %s) left over from a previous run%n", name, pid);
                    p.destroy();
                    p.onExit().completeOnTimeout(p, 20, TimeUnit.SECONDS).join();
                    p.destroyForcibly();
                });
    }

    public List<String> command() {
        return command(spec, jar);
    }

    /** The service's jar run by this JVM's java with the service's flags. */
    public static List<String> command(ServiceSpec spec, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JvmFlags.service(spec));
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    public Map<String, String> environment() {
        Map<String, String> all = new LinkedHashMap<>(environment);
        all.put("SERVER_PORT", String.valueOf(spec.port()));
        return all;
    }

    private void exited(Process gone) {
        int attempt = 0;
        synchronized (this) {
            if (stopping || gone != process || gone == killed) {
                return;
            }
            if (restartCrashed && restarts < MAX_RESTARTS) {
                attempt = ++restarts;
                restartPending = true;
            }
        }
        System.out.printf("%s exited unexpectedly (exit code %d); log: %s%n", name, gone.exitValue(), log);
        if (attempt > 0) {
            System.out.printf(
                    "restarting %s in %d s (restart %d of %d)%n",
                    name, RESTART_DELAY.toSeconds(), attempt, MAX_RESTARTS);
            CompletableFuture.runAsync(
                    this::restart, CompletableFuture.delayedExecutor(RESTART_DELAY.toMillis(), TimeUnit.MILLISECONDS));
        } else if (restartCrashed) {
            System.out.printf("%s crashed %d times; not restarting it again%n", name, MAX_RESTARTS + 1);
        }
    }

    private void restart() {
        try {
            start();
        } catch (IOException e) {
            System.out.printf("could not restart %s: %s%n", name, e.getMessage());
            return;
        }
        onRestarted.accept(this);
    }

    /** Asks every child to stop (SIGTERM: Spring's graceful shutdown), then kills what is left after the grace. */
    public static void stopAll(List<ServiceProcess> services, Duration grace) {
        List<Process> running = new ArrayList<>();
        for (ServiceProcess service : services) {
            synchronized (service) {
                service.stopping = true;
                if (service.process != null && service.process.isAlive()) {
                    service.process.destroy();
                    running.add(service.process);
                }
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (Process p : running) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!p.waitFor(left, TimeUnit.NANOSECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        for (ServiceProcess service : services) {
            try {
                Files.deleteIfExists(service.pidFile);
            } catch (IOException e) {
                // harmless: the next start checks the pid against the jar before stopping anything
            }
        }
    }
}
