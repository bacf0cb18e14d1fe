package org.footdrop.stack;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The whole system started on one machine on free ports, so it never collides with a running one:
 * the broker and the store, then the authorization server, then the services (each a child JVM
 * from the build's jars), each awaited until ready, with tokens from the real authorization
 * server. The one owner of that start-up and of the faults a test puts it through (a service or
 * the store SIGKILLed, the broker stopped, a service restarted); the system tests' fixture and the
 * benchmark's harness are users of it, each choosing with {@link #builder} what differs.
 */
public final class SystemStack implements AutoCloseable {

    /** Where the broker and the store run. */
    public enum Infra {
        /** Both in this JVM, so a test can stop and start each. */
        IN_THIS_JVM,
        /** The broker in this JVM, the store in a JVM of its own, so a test can SIGKILL it. */
        STORE_IN_OWN_JVM,
        /**
         * Both in one JVM of their own with run-local.sh's flags ({@link JvmFlags#infrastructure()}),
         * as the launcher holds them, so the caller's own load is never counted as theirs.
         */
        OWN_JVM
    }

    /** The broker-and-store JVM's name, in {@link #readyAfter()} and {@link #pids()} when it runs apart. */
    public static final String INFRASTRUCTURE_JVM = "broker and store (the launcher's JVM)";

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration INFRASTRUCTURE_STOP_GRACE = Duration.ofSeconds(30);

    private final Builder settings;
    private final InfraPorts ports;
    private final String mongoUri;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** Every child ever started, replaced ones too, so that close stops them all. */
    private final List<ServiceProcess> children = new ArrayList<>();

    private final Map<String, Double> readyAfter = new LinkedHashMap<>();
    private KafkaBroker kafka;
    private MongoStore mongo;
    private Process storeJvm;
    private Process infrastructureJvm;
    private ServiceProcess authorizationServer;
    private ClientCredentials tokens;

    private SystemStack(Builder settings) {
        this.settings = settings;
        this.ports = FreePorts.infrastructure();
        this.mongoUri = settings.externalMongoUri != null ? settings.externalMongoUri : ports.mongoUri();
    }

    /**
     * @param data where the broker, the store and the authorization server keep their data
     * @param module a class of the module that runs the stack: its build holds the services' jars
     *     ({@link ServiceJars#ofModule}), and the children run in its repository root
     */
    public static Builder builder(Path data, Class<?> module) {
        return new Builder(data, ServiceJars.ofModule(module), RepositoryRoot.of(module));
    }

    /** What differs between one stack and another; everything else is the same for all. */
    public static final class Builder {
        private final Path data;
        private final ServiceJars jars;
        private final Path workDir;
        private Path logs;
        private Infra infra = Infra.IN_THIS_JVM;
        private String externalMongoUri;
        private Map<String, String> environment = Map.of();
        private List<ServiceSpec> services = ServiceSpec.all();
        private Map<String, String> authorizationServerEnvironment = Map.of();
        private boolean webApp;
        private Duration readyTimeout = Duration.ofSeconds(120);

        Builder(Path data, ServiceJars jars, Path workDir) {
            this.data = Objects.requireNonNull(data);
            this.jars = jars;
            this.workDir = workDir;
            this.logs = data;
        }

        public Builder infrastructure(Infra where) {
            this.infra = Objects.requireNonNull(where);
            return this;
        }

        /** Another MongoDB that every service uses instead of the embedded store; null: the embedded store. */
        public Builder externalMongo(String uri) {
            this.externalMongoUri = uri == null || uri.isBlank() ? null : uri;
            return this;
        }

        /** Where each child's log ({@code <name>.log}) and pid file go; the data directory unless set. */
        public Builder logs(Path dir) {
            this.logs = Objects.requireNonNull(dir);
            return this;
        }

        /** Added to every service's environment (not the authorization server's), e.g. log levels. */
        public Builder serviceEnvironment(Map<String, String> added) {
            this.environment = Map.copyOf(added);
            return this;
        }

        /** Added to the authorization server's environment, e.g. a clinic's single sign-on to federate. */
        public Builder authorizationServerEnvironment(Map<String, String> added) {
            this.authorizationServerEnvironment = Map.copyOf(added);
            return this;
        }

        /** Which services to run (their ports are replaced by free ones); all three unless set. */
        public Builder services(List<ServiceSpec> which) {
            this.services = List.copyOf(which);
            return this;
        }

        /** How long each part may take to become ready. */
        /** The web app too, last, on a free port the authorization server sends people back to. */
        public Builder webApp(boolean started) {
            this.webApp = started;
            return this;
        }

        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        Infra infra() {
            return infra;
        }

        String externalMongoUri() {
            return externalMongoUri;
        }

        Path logs() {
            return logs;
        }

        Duration readyTimeout() {
            return readyTimeout;
        }

        List<ServiceSpec> services() {
            return services;
        }

        /** Starts everything and waits until each part is ready; on any failure stops what did start. */
        public SystemStack start() throws Exception {
            if (externalMongoUri != null && infra == Infra.STORE_IN_OWN_JVM) {
                throw new IllegalStateException("the store cannot run in a JVM of its own when another MongoDB serves");
            }
            List<ServiceSpec> every = new ArrayList<>();
            every.add(LocalAuthorizationServer.SPEC);
            every.addAll(services);
            if (webApp) {
                every.add(LocalWebApp.SPEC);
            }
            jars.requireAll(every);
            SystemStack stack = new SystemStack(this);
            try {
                stack.startAll();
            } catch (Exception | Error e) {
                stack.close();
                throw e;
            }
            return stack;
        }
    }

    private void startAll() throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(settings.logs);
        startInfrastructure();
        readyAfter.put(infrastructureName(), seconds(started));

        // the real authorization server first: every service checks its tokens
        ServiceSpec auth = LocalAuthorizationServer.SPEC.onPort(FreePorts.next());
        // the web app's port now: the authorization server sends people back only to its address
        ServiceSpec web = settings.webApp ? LocalWebApp.SPEC.onPort(FreePorts.next()) : null;
        Map<String, String> authEnvironment = new LinkedHashMap<>(settings.authorizationServerEnvironment);
        authEnvironment.putAll(LocalAuthorizationServer.environment(auth.url(), settings.data));
        if (web != null) {
            authEnvironment.putAll(LocalWebApp.authorizationServerEnvironment(web.url()));
        }
        authorizationServer = child(auth, auth.name(), authEnvironment);
        authorizationServer.start();
        awaitReady(authorizationServer);
        readyAfter.put(auth.name(), seconds(started));
        tokens = new ClientCredentials(auth.url());

        // every port first: the FHIR facade is told where the services it writes through are
        Map<String, ServiceSpec> placed = new LinkedHashMap<>();
        for (ServiceSpec standard : settings.services) {
            placed.put(standard.shortName(), standard.onPort(FreePorts.next()));
        }
        for (ServiceSpec spec : placed.values()) {
            Map<String, String> environment =
                    serviceEnvironment(settings.environment, ports, mongoUri, spec.database(), issuer());
            if (spec.name().equals(LocalFhirFacade.SPEC.name())) {
                environment.putAll(LocalFhirFacade.environment(placed));
            }
            ServiceProcess service = child(spec, spec.name(), environment);
            services.put(spec.shortName(), service);
            service.start();
        }
        if (web != null) {
            // beside the services, not after them: it needs the authorization server at start-up and
            // the services only when a page asks (ServiceHealth says which answer), so the stack is
            // ready when the slowest of them is, not after the sum
            ServiceProcess webApp = child(
                    web,
                    web.name(),
                    LocalWebApp.environment(
                            issuer(),
                            issuer(),
                            placedUrl(placed, "intake"),
                            placedUrl(placed, "treatment"),
                            placedUrl(placed, "outcomes"),
                            placed.containsKey(LocalFhirFacade.SPEC.shortName())
                                    ? placedUrl(placed, LocalFhirFacade.SPEC.shortName())
                                    : null));
            services.put(web.shortName(), webApp);
            webApp.start();
        }
        for (ServiceProcess service : services.values()) {
            awaitReady(service);
            readyAfter.put(service.name(), seconds(started));
        }
    }

    private static String placedUrl(Map<String, ServiceSpec> placed, String service) {
        ServiceSpec spec = placed.get(service);
        if (spec == null) {
            throw new IllegalArgumentException("the web app reads " + service + ", which this stack does not run");
        }
        return spec.url();
    }

    /**
     * What a service is told: the settings added for every service first, then where the broker, its
     * database and the authorization server are, which those cannot change.
     */
    static Map<String, String> serviceEnvironment(
            Map<String, String> added, InfraPorts ports, String mongoUri, String database, String issuer) {
        Map<String, String> environment = new LinkedHashMap<>(added);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", ports.kafkaBootstrap());
        environment.put("MONGODB_URI", withDatabase(mongoUri, database));
        environment.putAll(LocalAuthorizationServer.serviceEnvironment(issuer));
        return environment;
    }

    /** The MongoDB URI with the database as its path, keeping any options. */
    public static String withDatabase(String uri, String database) {
        int hostsStart = uri.indexOf("://") + 3;
        int query = uri.indexOf('?', hostsStart);
        String options = query < 0 ? "" : uri.substring(query);
        String beforeOptions = query < 0 ? uri : uri.substring(0, query);
        int slash = beforeOptions.indexOf('/', hostsStart);
        String hosts = slash < 0 ? beforeOptions : beforeOptions.substring(0, slash);
        return hosts + "/" + database + options;
    }

    private ServiceProcess child(ServiceSpec spec, String name, Map<String, String> environment) {
        ServiceProcess child =
                new ServiceProcess(spec, name, settings.jars, settings.workDir, settings.logs, environment, false);
        children.add(child);
        return child;
    }

    // ---------------------------------------------------------------- the broker and the store

    private void startInfrastructure() throws Exception {
        if (settings.infra == Infra.OWN_JVM) {
            startInfrastructureJvm();
            return;
        }
        if (embeddedStore()) {
            startStore();
        }
        kafka = KafkaBroker.start(settings.data.resolve("kafka"), ports);
        kafka.ensureTopics(TopicSpec.standard());
    }

    private void startInfrastructureJvm() throws Exception {
        Path log = settings.logs.resolve("infrastructure.log");
        infrastructureJvm = startJvm(
                javaCommand(
                        JvmFlags.infrastructure(),
                        InfrastructureProcess.class,
                        settings.data.toString(),
                        Integer.toString(ports.kafka()),
                        Integer.toString(ports.kafkaController()),
                        Integer.toString(embeddedStore() ? ports.mongo() : 0)),
                log);
        long deadline = System.nanoTime() + settings.readyTimeout.toNanos();
        while (!Files.readString(log).contains("ready")) {
            if (!infrastructureJvm.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("broker and store did not start; log: " + log);
            }
            Thread.sleep(100);
        }
    }

    /**
     * The command that runs {@code main} in a JVM of its own on this JVM's java and classpath,
     * with these flags.
     */
    static List<String> javaCommand(List<String> flags, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return command;
    }

    private static Process startJvm(List<String> command, Path log) throws IOException {
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** Stops the broker in this JVM; its data is kept for {@link #startBroker()}. */
    public void stopBroker() {
        requireBrokerHere();
        kafka.close();
        kafka = null;
    }

    public void startBroker() throws Exception {
        requireBrokerHere();
        kafka = KafkaBroker.start(settings.data.resolve("kafka"), ports);
    }

    /** Stops the store (SIGTERM for one in its own JVM: it writes its last commit); its data is kept. */
    public void stopStore() throws InterruptedException {
        requireStoreHere();
        if (settings.infra == Infra.STORE_IN_OWN_JVM) {
            storeJvm.destroy();
            storeJvm.waitFor();
        } else {
            mongo.close();
            mongo = null;
        }
    }

    /** SIGKILL of the store's own JVM: what it had not yet committed to disk is gone. */
    public void killStore() throws InterruptedException {
        if (settings.infra != Infra.STORE_IN_OWN_JVM) {
            throw new IllegalStateException(
                    "only a store in a JVM of its own can be killed; this one is " + settings.infra);
        }
        storeJvm.destroyForcibly();
        storeJvm.waitFor();
    }

    /** Starts the store (again) on the same port and data. */
    public void startStore() throws Exception {
        requireStoreHere();
        Path dir = settings.data.resolve("mongo");
        if (settings.infra == Infra.IN_THIS_JVM) {
            mongo = MongoStore.start(dir, ports.mongo());
            return;
        }
        storeJvm = startJvm(
                javaCommand(List.of("-Xmx512m"), StoreProcess.class, dir.toString(), Integer.toString(ports.mongo())),
                settings.logs.resolve("store.log"));
        long deadline = System.nanoTime() + settings.readyTimeout.toNanos();
        while (!listening(ports.mongo())) {
            if (!storeJvm.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the store did not start; log: " + settings.logs.resolve("store.log"));
            }
            Thread.sleep(200);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void requireBrokerHere() {
        if (settings.infra == Infra.OWN_JVM) {
            throw new IllegalStateException(
                    "the broker runs in a JVM of its own; it can be stopped only with the stack");
        }
    }

    private void requireStoreHere() {
        requireBrokerHere();
        if (!embeddedStore()) {
            throw new IllegalStateException("another MongoDB serves this stack: " + mongoUri);
        }
    }

    // ---------------------------------------------------------------- faults in the services

    /** SIGKILL: no shutdown hook, no graceful stop, in-flight requests cut off. */
    public void kill(String service) throws InterruptedException {
        service(service).kill();
    }

    /** Starts a killed service again on the same port and configuration, and waits until it is ready. */
    public void restart(String service) throws IOException, InterruptedException {
        ServiceProcess process = service(service);
        process.start();
        awaitReady(process);
    }

    /** Starts a killed service again with these settings added (kept for later restarts). */
    public void restart(String service, Map<String, String> changedEnvironment)
            throws IOException, InterruptedException {
        ServiceProcess changed = service(service).withEnvironment(changedEnvironment);
        children.add(changed);
        services.put(service, changed);
        restart(service);
    }

    /**
     * Another instance of {@code service} with the same settings, named {@code name} (its log is
     * {@code <name>.log}), on a port of its own, ready when this returns: in the same consumer group,
     * the two share the group's partitions.
     */
    public void startAnother(String service, String name) throws IOException, InterruptedException {
        ServiceProcess first = service(service);
        ServiceSpec spec = new ServiceSpec(
                name,
                first.spec().name(),
                FreePorts.next(),
                first.spec().database(),
                first.spec().heapMb());
        ServiceProcess another = new ServiceProcess(
                spec, name, settings.jars, settings.workDir, settings.logs, withoutPort(first.environment()), false);
        children.add(another);
        services.put(name, another);
        another.start();
        awaitReady(another);
    }

    private static Map<String, String> withoutPort(Map<String, String> environment) {
        Map<String, String> copy = new LinkedHashMap<>(environment);
        copy.remove("SERVER_PORT");
        return copy;
    }

    private ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name + " in this stack; it runs " + services.keySet());
        }
        return service;
    }

    private void awaitReady(ServiceProcess service) throws InterruptedException {
        ReadinessProbe.Outcome outcome = new ReadinessProbe()
                .await(URI.create(service.spec().readinessUrl()), settings.readyTimeout, service::isAliveOrRestarting);
        if (outcome != ReadinessProbe.Outcome.READY) {
            throw new IllegalStateException(service.name() + " " + outcome + "; log: " + service.log());
        }
    }

    // ---------------------------------------------------------------- what the stack's users read

    public InfraPorts ports() {
        return ports;
    }

    /** The store every service uses: the embedded one, or the other MongoDB named. */
    public String mongoUri() {
        return mongoUri;
    }

    public boolean embeddedStore() {
        return settings.externalMongoUri == null;
    }

    /** The authorization server's base URL (its issuer). */
    public String issuer() {
        return authorizationServer.spec().url();
    }

    /** A bearer token for the role's client, e.g. {@code clinical-writer}. */
    public String token(String role) {
        return tokens.token(role);
    }

    /** A service's port by its short name ({@code intake}, or a second instance's name). */
    public int port(String service) {
        return service(service).spec().port();
    }

    public String url(String service) {
        return service(service).spec().url();
    }

    /** A child's log by its name, e.g. {@code outcomes-service}, {@code store}, {@code infrastructure}. */
    public Path log(String name) {
        return settings.logs.resolve(name + ".log");
    }

    /** Seconds from the start to each part ready, in order: the broker and store, then each service. */
    public Map<String, Double> readyAfter() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(readyAfter));
    }

    /** The broker and store's name in {@link #readyAfter()}. */
    public String infrastructureName() {
        return settings.infra == Infra.OWN_JVM ? INFRASTRUCTURE_JVM : "broker and store";
    }

    /**
     * Each child JVM's pid, by name: the broker and store's JVM first (when they run apart), then the
     * authorization server, then the services.
     */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (infrastructureJvm != null) {
            pids.put(INFRASTRUCTURE_JVM, infrastructureJvm.pid());
        }
        List<ServiceProcess> all = new ArrayList<>();
        if (authorizationServer != null) {
            all.add(authorizationServer);
        }
        all.addAll(services.values());
        for (ServiceProcess child : all) {
            child.pid().ifPresent(pid -> pids.put(child.name(), pid));
        }
        return pids;
    }

    /**
     * Stops the services and the authorization server (SIGTERM, then SIGKILL after a grace), then
     * the broker, then the store, which writes its last commit.
     */
    @Override
    public void close() {
        ServiceProcess.stopAll(
                children.stream().filter(c -> c != authorizationServer).toList(), STOP_GRACE);
        if (authorizationServer != null) {
            ServiceProcess.stopAll(List.of(authorizationServer), STOP_GRACE);
        }
        try {
            if (infrastructureJvm != null) {
                stop(infrastructureJvm);
            }
            if (kafka != null) {
                kafka.close();
            }
        } finally {
            if (storeJvm != null) {
                stop(storeJvm);
            }
            if (mongo != null) {
                mongo.close();
            }
        }
    }

    /** SIGTERM, so a store writes its last commit; SIGKILL if it has not gone after the grace. */
    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(INFRASTRUCTURE_STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
