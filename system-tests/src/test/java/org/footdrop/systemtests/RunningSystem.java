package org.footdrop.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.footdrop.stack.ClientCredentials;
import org.footdrop.stack.FreePorts;
import org.footdrop.stack.InfraPorts;
import org.footdrop.stack.KafkaBroker;
import org.footdrop.stack.LocalAuthorizationServer;
import org.footdrop.stack.LocalWebApp;
import org.footdrop.stack.MongoStore;
import org.footdrop.stack.RepositoryRoot;
import org.footdrop.stack.ServiceJars;
import org.footdrop.stack.ServiceProcess;
import org.footdrop.stack.ServiceSpec;
import org.footdrop.stack.StoreProcess;
import org.footdrop.stack.TopicSpec;

/**
 * The whole system as it runs for real, for system tests: the launcher's KRaft broker and on-disk
 * MongoDB-wire store in this JVM, and the authorization server and the three services as their
 * own JVMs, then the web app (the jars the build just packaged), on free ports, talking real HTTP with real tokens.
 */
final class RunningSystem implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /**
     * The jars Maven copied from the service artifacts when it packaged this module. A missing one fails
     * every system test: skipping would report a green build that tested nothing.
     */
    private static final ServiceJars JARS = ServiceJars.ofModule(RunningSystem.class);

    final Path data;
    final InfraPorts ports;
    private MongoStore mongo;
    private final boolean storeInOwnProcess;
    private Process storeProcess;
    private KafkaBroker kafka;
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Integer> servicePorts = new HashMap<>();
    private final Map<String, Process> serviceProcesses = new HashMap<>();
    private final Map<String, ServiceSpec> serviceSpecs = new HashMap<>();
    private final Map<String, Map<String, String>> serviceEnvironments = new HashMap<>();
    private ClientCredentials tokens;
    private String issuer;

    private RunningSystem(Path data, boolean storeInOwnProcess) {
        this.data = data;
        this.storeInOwnProcess = storeInOwnProcess;
        this.ports = FreePorts.infrastructure();
    }

    /**
     * Starts everything and waits until each service is ready.
     *
     * @param extraEnvironment added to every service's environment, e.g. log levels
     */
    static RunningSystem start(Path data, Map<String, String> extraEnvironment) throws Exception {
        return start(data, extraEnvironment, false);
    }

    /** As {@link #start(Path, Map)}, with the store in a JVM of its own when asked, so it can be SIGKILLed. */
    static RunningSystem start(Path data, Map<String, String> extraEnvironment, boolean storeInOwnProcess)
            throws Exception {
        JARS.requireAll(ServiceSpec.everyProcess());
        RunningSystem system = new RunningSystem(data, storeInOwnProcess);
        try {
            system.startAll(extraEnvironment);
        } catch (Exception | AssertionError e) {
            system.close();
            throw e;
        }
        return system;
    }

    private void startAll(Map<String, String> extraEnvironment) throws Exception {
        startStore();
        kafka = KafkaBroker.start(data.resolve("kafka"), ports);
        kafka.ensureTopics(TopicSpec.standard());
        // the real authorization server first: every service checks its tokens
        int authPort = FreePorts.next();
        issuer = "http://localhost:" + authPort;
        // the web app's port now: the authorization server sends people back only to its address
        int webPort = FreePorts.next();
        Map<String, String> authEnvironment =
                new HashMap<>(LocalWebApp.authorizationServerEnvironment("http://localhost:" + webPort));
        authEnvironment.put("FOOTDROP_AUTH_ISSUER", issuer);
        processes.add(
                launch(LocalAuthorizationServer.SPEC, authPort, authEnvironment, LocalAuthorizationServer.SPEC.name()));
        awaitReady(authPort);
        tokens = new ClientCredentials(issuer);
        Map<String, String> environment = new HashMap<>(extraEnvironment);
        environment.put("FOOTDROP_AUTH_ISSUER", issuer);
        environment.put("FOOTDROP_AUTH_JWKS_URI", issuer + "/oauth2/jwks");
        environment.put("KAFKA_BOOTSTRAP_SERVERS", ports.kafkaBootstrap());
        // a quick sweep, so an outage test need not wait the production grace period
        environment.put("FOOTDROP_OUTBOX_SWEEP_INTERVAL", "1s");
        environment.put("FOOTDROP_OUTBOX_SWEEP_GRACE", "2s");
        for (ServiceSpec spec : ServiceSpec.all()) {
            environment.put("MONGODB_URI", ports.mongoUri() + "/" + spec.database());
            startService(spec.shortName(), spec, new HashMap<>(environment));
        }
        for (int port : servicePorts.values()) {
            awaitReady(port);
        }
        // the web app last: it signs people in at the authorization server and reads the services
        servicePorts.put("web", webPort);
        serviceSpecs.put("web", LocalWebApp.SPEC);
        Map<String, String> webEnvironment = new HashMap<>(LocalWebApp.environment(
                issuer,
                issuer,
                "http://localhost:" + port("intake"),
                "http://localhost:" + port("treatment"),
                "http://localhost:" + port("outcomes")));
        serviceEnvironments.put("web", webEnvironment);
        Process web = launch(LocalWebApp.SPEC, webPort, webEnvironment, "web");
        serviceProcesses.put("web", web);
        processes.add(web);
        awaitReady(webPort);
    }

    /** The web app's base URL, as a browser opens it. */
    String webAppUrl() {
        return "http://localhost:" + port("web");
    }

    private void startService(String name, ServiceSpec spec, Map<String, String> environment) throws IOException {
        int port = FreePorts.next();
        servicePorts.put(name, port);
        serviceSpecs.put(name, spec);
        serviceEnvironments.put(name, environment);
        Process process = launch(spec, port, environment, name);
        serviceProcesses.put(name, process);
        processes.add(process);
    }

    /**
     * Another outcomes-service in the same consumer group, named {@code name}, ready when this
     * returns: the group's partitions are shared between the instances.
     */
    void startAnotherOutcomes(String name) throws IOException {
        startService(name, serviceSpecs.get("outcomes"), serviceEnvironments.get("outcomes"));
        awaitReady(port(name));
    }

    /** SIGKILL: no shutdown hook, no graceful stop, in-flight requests cut off. */
    void kill(String service) throws InterruptedException {
        Process process = serviceProcesses.get(service);
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts a killed service again with these settings added (kept for later restarts). */
    void restart(String service, Map<String, String> changedEnvironment) throws IOException {
        serviceEnvironments.get(service).putAll(changedEnvironment);
        restart(service);
    }

    /** Starts a killed service again on the same port and configuration, and waits until it is ready. */
    void restart(String service) throws IOException {
        Process process = launch(serviceSpecs.get(service), port(service), serviceEnvironments.get(service), service);
        serviceProcesses.put(service, process);
        processes.add(process);
        awaitReady(port(service));
    }

    /** A bearer token of the role's local client, e.g. {@code clinical-writer}. */
    String token(String role) {
        return tokens.token(role);
    }

    /** The authorization server's base URL (its issuer). */
    String issuer() {
        return issuer;
    }

    int port(String shortName) {
        return servicePorts.get(shortName);
    }

    Path log(String serviceName) {
        return data.resolve(serviceName + ".log");
    }

    String bootstrapServers() {
        return ports.kafkaBootstrap();
    }

    /** Sends a JSON body with the role's token; {@code role} null sends none. */
    HttpResponse<String> send(String method, String service, String path, String body, String role, String... headers)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(service) + path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (role != null) {
            request.header("Authorization", "Bearer " + tokens.token(role));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String service, String path, String body) throws IOException, InterruptedException {
        return send("POST", service, path, body, "clinical-writer");
    }

    /** A clinician's read; null when the service does not answer. */
    HttpResponse<String> read(String service, String path) {
        try {
            return send("GET", service, path, null, "clinician");
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Puts a record straight on a topic, as a producer other than the services would. */
    void publish(String topic, String key, String value) throws Exception {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(
                kafkaClient(),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, key, value))
                    .get();
        }
    }

    /** Every record now on these topics, read by a throwaway group that commits nothing. */
    List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> readAll(List<String> topics) {
        java.util.Properties props = kafkaClient();
        props.put("group.id", "system-test-reader-" + java.util.UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", "false");
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(
                props,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            consumer.subscribe(topics);
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var polled = consumer.poll(Duration.ofMillis(700));
                emptyPolls = polled.isEmpty() ? emptyPolls + 1 : 0;
                polled.forEach(records::add);
            }
        }
        return records;
    }

    java.util.Properties kafkaClient() {
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", ports.kafkaBootstrap());
        return props;
    }

    void stopBroker() {
        kafka.close();
    }

    void startBroker() throws Exception {
        kafka = KafkaBroker.start(data.resolve("kafka"), ports);
    }

    void stopStore() {
        if (storeInOwnProcess) {
            storeProcess.destroy();
            waitFor(storeProcess);
        } else {
            mongo.close();
        }
    }

    /** SIGKILL of the store's own JVM: what it had not yet committed to disk is gone. */
    void killStore() {
        storeProcess.destroyForcibly();
        waitFor(storeProcess);
    }

    void startStore() throws Exception {
        if (!storeInOwnProcess) {
            mongo = MongoStore.start(data.resolve("mongo"), ports.mongo());
            return;
        }
        storeProcess = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        StoreProcess.class.getName(),
                        data.resolve("mongo").toString(),
                        Integer.toString(ports.mongo()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log("store").toFile()))
                .start();
        processes.add(storeProcess);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    try (java.net.Socket socket = new java.net.Socket("localhost", ports.mongo())) {
                        return true;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    private static void waitFor(Process process) {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws Exception {
        for (Process process : processes) {
            if (process.isAlive()) {
                process.destroy();
            }
        }
        for (Process process : processes) {
            process.waitFor();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    void awaitReady(int port) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    try {
                        return HTTP.send(
                                                HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                                                + "/actuator/health/readiness"))
                                                        .timeout(Duration.ofSeconds(5))
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    /** Logs go to {@code <logName>.log}, appended, so a restarted service keeps its earlier lines. */
    private Process launch(ServiceSpec spec, int port, Map<String, String> environment, String logName)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(ServiceProcess.command(spec, JARS.jar(spec)))
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(log(logName.equals(spec.shortName()) ? spec.name() : logName)
                                .toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        return builder.start();
    }

    static Path repoRoot() {
        return RepositoryRoot.of(RunningSystem.class);
    }
}
