package org.footdrop.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.footdrop.stack.InfraPorts;
import org.footdrop.stack.LocalFhirFacade;
import org.footdrop.stack.RepositoryRoot;
import org.footdrop.stack.ServiceSpec;
import org.footdrop.stack.SystemStack;
import org.footdrop.stack.demo.DemoClinic;
import org.footdrop.stack.demo.DemoClinicImport;

/**
 * The whole system as it runs for real, for system tests: {@link SystemStack} with the broker and
 * the on-disk MongoDB-wire store in this JVM (or the store in a JVM of its own, to be SIGKILLed), and
 * the authorization server, the three services and the web app as their own JVMs (the jars the build
 * just packaged), on free ports, talking real HTTP with real tokens. What is here is the tests' side:
 * requests with a role's token, records put on or read from the topics.
 */
final class RunningSystem implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final SystemStack stack;
    private final Path data;
    final InfraPorts ports;

    private RunningSystem(SystemStack stack, Path data) {
        this.stack = stack;
        this.data = data;
        this.ports = stack.ports();
    }

    /**
     * Starts everything and waits until each service is ready. A missing jar fails every system
     * test: skipping would report a green build that tested nothing.
     *
     * @param extraEnvironment added to every service's environment, e.g. log levels
     */
    static RunningSystem start(Path data, Map<String, String> extraEnvironment) throws Exception {
        return start(data, extraEnvironment, false);
    }

    /** As {@link #start(Path, Map)}, with the store in a JVM of its own when asked, so it can be SIGKILLed. */
    static RunningSystem start(Path data, Map<String, String> extraEnvironment, boolean storeInOwnProcess)
            throws Exception {
        return start(data, extraEnvironment, storeInOwnProcess, Map.of(), false);
    }

    /** As {@link #start(Path, Map)}, with the FHIR facade (short name {@code fhir}) beside the services. */
    static RunningSystem startWithFhir(Path data, Map<String, String> extraEnvironment) throws Exception {
        return start(data, extraEnvironment, false, Map.of(), true);
    }

    /** As {@link #start(Path, Map)}, with settings added to the authorization server's environment. */
    static RunningSystem startWithAuthorizationServer(Path data, Map<String, String> authorizationServerEnvironment)
            throws Exception {
        return start(data, Map.of(), false, authorizationServerEnvironment, false);
    }

    /** As {@link #start(Path, Map)}, with settings added to the authorization server's environment too. */
    static RunningSystem start(
            Path data, Map<String, String> extraEnvironment, Map<String, String> authorizationServerEnvironment)
            throws Exception {
        return start(data, extraEnvironment, false, authorizationServerEnvironment, false);
    }

    private static RunningSystem start(
            Path data,
            Map<String, String> extraEnvironment,
            boolean storeInOwnProcess,
            Map<String, String> authorizationServerEnvironment,
            boolean withFhir)
            throws Exception {
        Map<String, String> environment = new HashMap<>(extraEnvironment);
        // a quick sweep, so an outage test need not wait the production grace period
        environment.put("FOOTDROP_OUTBOX_SWEEP_INTERVAL", "1s");
        environment.put("FOOTDROP_OUTBOX_SWEEP_GRACE", "2s");
        return new RunningSystem(
                SystemStack.builder(data, RunningSystem.class)
                        .infrastructure(
                                storeInOwnProcess ? SystemStack.Infra.STORE_IN_OWN_JVM : SystemStack.Infra.IN_THIS_JVM)
                        .serviceEnvironment(environment)
                        .authorizationServerEnvironment(authorizationServerEnvironment)
                        .services(withFhir ? LocalFhirFacade.withServices() : ServiceSpec.all())
                        .webApp(true)
                        .start(),
                data);
    }

    /**
     * Fills the system with the demo clinic as {@code ./run-local.sh --demo} does ({@link DemoClinic#standard},
     * its "today" given, so a test can compute dates), and waits until outcomes-service has projected
     * every line of it. Patients are {@code demo-00000} to {@code demo-01199}.
     *
     * @return the clinic written (its file, lines per patient) and each service's finished import job
     */
    DemoClinicImport.Loaded importDemoClinic(LocalDate today) throws InterruptedException {
        // the progress bar redraws itself thousands of times: the test's output gets the summary only
        var printed = new java.io.ByteArrayOutputStream();
        DemoClinicImport.Loaded loaded = DemoClinicImport.load(
                DemoClinic.standard(today),
                data.resolve("demo-clinic.ndjson"),
                new DemoClinicImport.Addresses(
                        URI.create(stack.url("intake")),
                        URI.create(stack.url("treatment")),
                        URI.create(stack.url("outcomes")),
                        stack.issuer()),
                new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        // split on newlines only (String.lines() splits on each redraw's \r too): a bar's last state stays
        java.util.Arrays.stream(printed.toString(java.nio.charset.StandardCharsets.UTF_8)
                        .split("\n"))
                .map(line -> line.substring(line.lastIndexOf('\r') + 1))
                .filter(line -> !line.isBlank())
                .forEach(System.out::println);
        if (loaded.result().exitCode() != 0) {
            throw new IllegalStateException("the demo clinic's import did not complete: " + loaded.result());
        }
        DemoClinicImport.awaitProjected(
                loaded.clinic(),
                URI.create(stack.url("outcomes")),
                () -> stack.token("clinician"),
                Duration.ofMinutes(5));
        return loaded;
    }

    /**
     * Another outcomes-service in the same consumer group, named {@code name}, ready when this
     * returns: the group's partitions are shared between the instances.
     */
    void startAnotherOutcomes(String name) throws IOException, InterruptedException {
        stack.startAnother("outcomes", name);
    }

    /** SIGKILL: no shutdown hook, no graceful stop, in-flight requests cut off. */
    void kill(String service) throws InterruptedException {
        stack.kill(service);
    }

    /** Starts a killed service again with these settings added (kept for later restarts). */
    void restart(String service, Map<String, String> changedEnvironment) throws IOException, InterruptedException {
        stack.restart(service, changedEnvironment);
    }

    /** Starts a killed service again on the same port and configuration, and waits until it is ready. */
    void restart(String service) throws IOException, InterruptedException {
        stack.restart(service);
    }

    void stopBroker() {
        stack.stopBroker();
    }

    void startBroker() throws Exception {
        stack.startBroker();
    }

    void stopStore() throws InterruptedException {
        stack.stopStore();
    }

    /** SIGKILL of the store's own JVM: what it had not yet committed to disk is gone. */
    void killStore() throws InterruptedException {
        stack.killStore();
    }

    void startStore() throws Exception {
        stack.startStore();
    }

    /** A bearer token of the role's local client, e.g. {@code clinical-writer}. */
    String token(String role) {
        return stack.token(role);
    }

    /** The web app's base URL, as a browser opens it. */
    String webAppUrl() {
        return stack.url("web");
    }

    /** The authorization server's base URL (its issuer). */
    String issuer() {
        return stack.issuer();
    }

    int port(String shortName) {
        return stack.port(shortName);
    }

    Path log(String serviceName) {
        return stack.log(serviceName);
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
            request.header("Authorization", "Bearer " + stack.token(role));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST whose body is sent without a length (chunked), as a client streaming a large Bundle does. */
    HttpResponse<String> postChunked(String service, String path, String body, String role)
            throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port(service) + path))
                        .header("Content-Type", "application/fhir+json")
                        .header("Authorization", "Bearer " + stack.token(role))
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
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

    @Override
    public void close() {
        stack.close();
    }

    static Path repoRoot() {
        return RepositoryRoot.of(RunningSystem.class);
    }
}
