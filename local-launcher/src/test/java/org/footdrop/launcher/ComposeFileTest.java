package org.footdrop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.footdrop.stack.InfraPorts;
import org.footdrop.stack.LocalAuthorizationServer;
import org.footdrop.stack.LocalFhirFacade;
import org.footdrop.stack.LocalWebApp;
import org.footdrop.stack.ServiceSpec;
import org.footdrop.stack.TopicSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps docker-compose.yml and the files it mounts in line with what the services and the
 * authorization server actually read (each one's application.yml) and with the launcher's own view
 * of the system (ServiceSpec, TopicSpec, InfraPorts, LocalAuthorizationServer): the same ports,
 * addresses, databases, topics and clients everywhere.
 */
class ComposeFileTest {

    /** `${NAME:default}`: an environment variable with a default, as the services' application.yml use them. */
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):([^}]*)}");

    private static final Pattern URI_VALUE = Pattern.compile("^[a-z][a-z0-9+.-]*://.+");
    private static final Pattern HOST_PORT_LIST = Pattern.compile("^[\\w.-]+:\\d+(,[\\w.-]+:\\d+)*$");
    private static final Pattern LOCAL_PROBE_PORT = Pattern.compile("(?:localhost|127\\.0\\.0\\.1)[:/](\\d+)");
    /** A read-only file mount that the environment can replace: `${VARIABLE:-./default}:/container/path:ro`. */
    private static final Pattern OVERRIDABLE_READ_ONLY_MOUNT =
            Pattern.compile("^\\$\\{([A-Z][A-Z0-9_]*):-(\\./[^}]+)}:([^:]+):ro$");

    /**
     * Where browsers sign in, every token's iss: the launcher's by default, the published port, and one variable
     * sets it for every container.
     */
    private static final String BROWSER_FACING_ISSUER =
            "${FOOTDROP_AUTH_ISSUER:-" + LocalAuthorizationServer.issuer() + "}";

    /** Where the containers reach the authorization server themselves. */
    private static final String INTERNAL_AUTH =
            "http://" + LocalAuthorizationServer.SPEC.name() + ":" + LocalAuthorizationServer.SPEC.port();

    private static Path root;
    private static Map<String, Object> services;

    @BeforeAll
    static void loadComposeFile() throws IOException {
        root = repositoryRoot();
        services = map(yaml(root.resolve("docker-compose.yml")).get("services"));
    }

    static Stream<ServiceSpec> services() {
        return ServiceSpec.all().stream();
    }

    /** The services, the authorization server and the web app: every process built from this repository. */
    static Stream<ServiceSpec> processes() {
        return Stream.concat(Stream.of(LocalAuthorizationServer.SPEC, LocalWebApp.SPEC), services());
    }

    /** What Prometheus scrapes: every process built from this repository. */
    /** Every process and the FHIR facade, which compose always runs. */
    static Stream<ServiceSpec> scraped() {
        return Stream.concat(processes(), Stream.of(LocalFhirFacade.SPEC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("processes")
    void shouldPublishEachServiceOnThePortItListensOn(ServiceSpec spec) throws IOException {
        // given
        int defaultPort = Integer.parseInt(placeholderDefault(defaultServerPort(spec), "SERVER_PORT"));
        Map<String, Object> service = composeService(spec.name());

        // when
        List<PortMapping> ports = ports(service);
        String serverPort = environment(service).get("SERVER_PORT");

        // then
        assertThat(defaultPort)
                .as("application.yml default port vs the launcher")
                .isEqualTo(spec.port());
        assertThat(ports).containsExactly(new PortMapping(defaultPort, defaultPort));
        assertThat(serverPort).isEqualTo(String.valueOf(defaultPort));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void shouldSetEveryAddressTheServiceReadsFromTheEnvironment(ServiceSpec spec) throws IOException {
        // given
        Map<String, String> addressDefaults = addressPlaceholders(applicationYaml(spec));

        // when
        Map<String, String> environment = environment(composeService(spec.name()));

        // then
        assertThat(addressDefaults).containsKeys("SERVER_PORT", "KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI");
        assertThat(environment).containsKeys(addressDefaults.keySet().toArray(String[]::new));
        assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "docker");
        assertThat(environment.get("JAVA_TOOL_OPTIONS")).containsPattern("-Xmx\\d+[mMgG]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void shouldGiveEachServiceItsOwnDatabaseOnTheComposeMongoDb(ServiceSpec spec) throws IOException {
        // given
        URI defaultUri = URI.create(addressPlaceholders(applicationYaml(spec)).get("MONGODB_URI"));
        Map<String, Object> mongodb = composeService("mongodb");

        // when
        URI composeUri = URI.create(environmentValue(spec.name(), "MONGODB_URI"));

        // then
        assertThat(composeUri.getScheme()).isEqualTo("mongodb");
        assertThat(composeUri.getHost()).isEqualTo("mongodb");
        assertThat(String.valueOf(mongodb.get("image"))).startsWith("mongo:");
        assertThat(ports(mongodb)).extracting(PortMapping::container).contains(composeUri.getPort());
        assertThat(composeUri.getPath()).isEqualTo(defaultUri.getPath()).isEqualTo("/" + spec.database());
    }

    @Test
    void shouldGiveNoTwoServicesTheSameDatabase() {
        // given
        List<ServiceSpec> specs = ServiceSpec.all();

        // when
        List<String> databases = specs.stream()
                .map(spec ->
                        URI.create(environmentValue(spec.name(), "MONGODB_URI")).getPath())
                .toList();

        // then
        assertThat(databases).hasSize(specs.size()).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void shouldPointEachServiceAtTheComposeKafkaListener(ServiceSpec spec) {
        // given
        Map<String, String> kafka = environment(composeService("kafka"));
        Set<String> advertised = listenerAddresses(kafka.get("KAFKA_ADVERTISED_LISTENERS"));

        // when
        String bootstrap = environmentValue(spec.name(), "KAFKA_BOOTSTRAP_SERVERS");

        // then
        assertThat(advertised).contains(bootstrap);
        assertThat(bootstrap).isEqualTo("kafka:" + InfraPorts.standard().kafka());
        assertThat(kafka.get("KAFKA_LISTENERS"))
                .contains(":" + InfraPorts.standard().kafka())
                .contains("CONTROLLER://:" + InfraPorts.standard().kafkaController());
    }

    @Test
    void shouldCreateTheEventTopicsWithSixPartitionsKeptForever() {
        // given
        Map<String, Object> kafkaInit = composeService("kafka-init");
        String script = Stream.concat(
                        strings(kafkaInit.get("entrypoint")).stream(), strings(kafkaInit.get("command")).stream())
                .collect(Collectors.joining(" "));

        // when
        List<Map<String, String>> creations = topicCreations(script);

        // then
        assertThat(creations)
                .extracting(options -> options.get("--topic"))
                .containsExactlyInAnyOrderElementsOf(
                        TopicSpec.standard().stream().map(TopicSpec::name).toList());
        for (TopicSpec topic : TopicSpec.standard()) {
            Map<String, String> options = creations.stream()
                    .filter(creation -> topic.name().equals(creation.get("--topic")))
                    .findFirst()
                    .orElseThrow();
            assertThat(options)
                    .as(topic.name())
                    .containsEntry("--partitions", String.valueOf(topic.partitions()))
                    .containsEntry("--partitions", "6")
                    .containsEntry("--config retention.ms", "-1")
                    .containsEntry("--replication-factor", "1")
                    .containsKey("--if-not-exists")
                    .containsEntry(
                            "--bootstrap-server",
                            "kafka:" + InfraPorts.standard().kafka());
        }
        assertThat(environment(composeService("kafka")))
                .containsEntry("KAFKA_LOG_RETENTION_MS", "-1")
                .containsEntry("KAFKA_NUM_PARTITIONS", "6");
    }

    @Test
    void shouldStartTheServicesOnlyOnceTheTopicsExistAndMongoDbIsHealthy() {
        // given
        List<String> names = ServiceSpec.all().stream().map(ServiceSpec::name).toList();

        // when
        Map<String, Map<String, Object>> dependencies = names.stream()
                .collect(Collectors.toMap(
                        name -> name, name -> map(composeService(name).get("depends_on"))));

        // then
        dependencies.forEach((name, dependsOn) -> {
            assertThat(map(dependsOn.get("mongodb"))).as(name).containsEntry("condition", "service_healthy");
            assertThat(map(dependsOn.get("kafka-init")))
                    .as(name)
                    .containsEntry("condition", "service_completed_successfully");
        });
        assertThat(map(map(composeService("kafka-init").get("depends_on")).get("kafka")))
                .containsEntry("condition", "service_healthy");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("processes")
    void shouldProbeReadinessOnThePortEachServiceListensOn(ServiceSpec spec) {
        // given
        Map<String, Object> service = composeService(spec.name());

        // when
        String probe = String.join(" ", strings(map(service.get("healthcheck")).get("test")));

        // then
        assertThat(probe).contains("/actuator/health/readiness");
        Matcher port = LOCAL_PROBE_PORT.matcher(probe);
        assertThat(port.find()).as(probe).isTrue();
        assertThat(port.group(1)).isEqualTo(environment(service).get("SERVER_PORT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("processes")
    void shouldBuildEachServiceFromTheSharedDockerfile(ServiceSpec spec) {
        // given
        Map<String, Object> build = map(composeService(spec.name()).get("build"));

        // when
        Path dockerfile =
                root.resolve(String.valueOf(build.get("context"))).resolve(String.valueOf(build.get("dockerfile")));

        // then
        assertThat(dockerfile.normalize())
                .isEqualTo(root.resolve("deploy/Dockerfile").normalize())
                .isRegularFile();
        assertThat(map(build.get("args"))).containsEntry("SERVICE", spec.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scraped")
    void shouldScrapeEveryServiceAtItsPrometheusEndpoint(ServiceSpec spec) throws IOException {
        // given
        Path prometheusDir = mountedFrom(composeService("prometheus"), "/etc/prometheus");
        List<Map<String, Object>> scrapeConfigs =
                maps(yaml(prometheusDir.resolve("prometheus.yml")).get("scrape_configs"));
        String target = spec.name() + ":" + environmentValue(spec.name(), "SERVER_PORT");

        // when
        List<String> pathsScrapingTheService = scrapeConfigs.stream()
                .filter(job -> maps(job.get("static_configs")).stream()
                        .anyMatch(group -> strings(group.get("targets")).contains(target)))
                .map(job -> String.valueOf(job.getOrDefault("metrics_path", "/metrics")))
                .toList();

        // then
        assertThat(pathsScrapingTheService).as(target).containsExactly("/actuator/prometheus");
    }

    @Test
    void shouldLoadPrometheusRuleFilesThatExist() throws IOException {
        // given
        Path prometheusDir = mountedFrom(composeService("prometheus"), "/etc/prometheus");

        // when
        List<String> ruleFiles =
                strings(yaml(prometheusDir.resolve("prometheus.yml")).get("rule_files"));

        // then
        assertThat(ruleFiles).isNotEmpty();
        for (String glob : ruleFiles) {
            assertThat(glob)
                    .as("relative, so it resolves both in the container and for promtool")
                    .doesNotStartWith("/");
            Path dir = prometheusDir.resolve(glob).getParent();
            try (DirectoryStream<Path> matches = Files.newDirectoryStream(
                    dir, prometheusDir.resolve(glob).getFileName().toString())) {
                assertThat(matches.iterator().hasNext()).as(glob).isTrue();
            }
        }
    }

    @Test
    void shouldProvisionGrafanaWithThePrometheusDatasourceAndTheMountedDashboards() throws IOException {
        // given
        Map<String, Object> grafana = composeService("grafana");
        Path datasources = mountedFrom(grafana, "/etc/grafana/provisioning/datasources");
        Path providers = mountedFrom(grafana, "/etc/grafana/provisioning/dashboards");

        // when
        Map<String, Object> datasource = maps(yaml(datasources.resolve("prometheus.yml"))
                        .get("datasources"))
                .get(0);
        Map<String, Object> provider =
                maps(yaml(providers.resolve("dashboards.yml")).get("providers")).get(0);
        String dashboardsInContainer =
                String.valueOf(map(provider.get("options")).get("path"));

        // then
        URI url = URI.create(String.valueOf(datasource.get("url")));
        assertThat(datasource).containsEntry("uid", "prometheus").containsEntry("isDefault", true);
        assertThat(url.getHost()).isEqualTo("prometheus");
        assertThat(ports(composeService("prometheus")))
                .extracting(PortMapping::container)
                .contains(url.getPort());
        try (Stream<Path> dashboards = Files.list(mountedFrom(grafana, dashboardsInContainer))) {
            assertThat(dashboards.filter(file -> file.toString().endsWith(".json")))
                    .isNotEmpty();
        }
    }

    @Test
    void shouldPublishTheInfrastructureOnTheDocumentedPorts() throws IOException {
        // given
        InfraPorts launcher = InfraPorts.standard();
        List<Map<String, String>> serviceDefaults = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpec.all()) {
            serviceDefaults.add(addressPlaceholders(applicationYaml(spec)));
        }

        // when
        Map<String, List<PortMapping>> published = Stream.of("kafka", "mongodb", "prometheus", "grafana")
                .collect(Collectors.toMap(name -> name, name -> ports(composeService(name))));

        // then
        assertThat(published.get("kafka")).containsExactly(new PortMapping(launcher.kafka(), launcher.kafka()));
        assertThat(published.get("mongodb")).containsExactly(new PortMapping(launcher.mongo(), launcher.mongo()));
        assertThat(published.get("prometheus")).containsExactly(new PortMapping(9090, 9090));
        assertThat(published.get("grafana")).containsExactly(new PortMapping(3000, 3000));
        // the services' defaults, used outside compose, reach the same published ports
        for (Map<String, String> defaults : serviceDefaults) {
            assertThat(defaults.get("KAFKA_BOOTSTRAP_SERVERS")).endsWith(":" + launcher.kafka());
            assertThat(URI.create(defaults.get("MONGODB_URI")).getPort()).isEqualTo(launcher.mongo());
        }
    }

    @Test
    void shouldFixTheIssuerToTheBrowserFacingAddressTheOperatorCanSet() throws IOException {
        // given
        Map<String, String> addressDefaults = addressPlaceholders(applicationYaml(LocalAuthorizationServer.SPEC));
        Map<String, Object> auth = composeService(LocalAuthorizationServer.SPEC.name());

        // when
        String issuer = environmentValue(LocalAuthorizationServer.SPEC.name(), "FOOTDROP_AUTH_ISSUER");

        // then the launcher's issuer by default, the published port a browser on the host reaches
        assertThat(addressDefaults).containsEntry("FOOTDROP_AUTH_ISSUER", LocalAuthorizationServer.issuer());
        assertThat(environment(auth)).containsKeys(addressDefaults.keySet().toArray(String[]::new));
        assertThat(issuer).isEqualTo(BROWSER_FACING_ISSUER);
        assertThat(ports(auth)).contains(new PortMapping(9000, LocalAuthorizationServer.SPEC.port()));
        assertThat(environment(auth).get("JAVA_TOOL_OPTIONS")).containsPattern("-Xmx\\d+[mMgG]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void shouldStartEachServiceOnceTheAuthorizationServerIsHealthyAndPointItThere(ServiceSpec spec) {
        // given
        Map<String, Object> service = composeService(spec.name());

        // when
        Map<String, String> environment = environment(service);
        Map<String, Object> dependsOn = map(service.get("depends_on"));

        // then the same issuer to check, the keys fetched inside
        assertThat(environment)
                .containsEntry("FOOTDROP_AUTH_ISSUER", BROWSER_FACING_ISSUER)
                .containsEntry("FOOTDROP_AUTH_JWKS_URI", INTERNAL_AUTH + "/oauth2/jwks");
        assertThat(map(dependsOn.get(LocalAuthorizationServer.SPEC.name())))
                .containsEntry("condition", "service_healthy");
    }

    @Test
    void shouldRunTheWebAppSendingBrowsersToTheIssuerAndReachingEverythingElseInside() throws IOException {
        // given
        Map<String, Object> web = composeService(LocalWebApp.SPEC.name());
        Map<String, String> readsFromEnvironment = addressPlaceholders(applicationYaml(LocalWebApp.SPEC));

        // when
        Map<String, String> environment = environment(web);
        Map<String, Object> dependsOn = map(web.get("depends_on"));

        // then every address it reads is set, the services and the keys at their compose names
        assertThat(environment).containsKeys(readsFromEnvironment.keySet().toArray(String[]::new));
        assertThat(environment)
                .containsEntry("FOOTDROP_AUTH_ISSUER", BROWSER_FACING_ISSUER)
                .containsEntry("FOOTDROP_AUTH_INTERNAL_URI", INTERNAL_AUTH)
                .containsEntry("SPRING_PROFILES_ACTIVE", "docker");
        for (ServiceSpec spec : ServiceSpec.all()) {
            String variable = "FOOTDROP_" + spec.shortName().toUpperCase(Locale.ROOT) + "_URI";
            assertThat(environment).as(variable).containsEntry(variable, "http://" + spec.name() + ":" + spec.port());
            assertThat(map(dependsOn.get(spec.name()))).as(spec.name()).containsEntry("condition", "service_healthy");
        }
        assertThat(map(dependsOn.get(LocalAuthorizationServer.SPEC.name())))
                .containsEntry("condition", "service_healthy");
        // and its secret is the one the authorization server holds for it
        assertThat(environment.get(LocalAuthorizationServer.WEB_CLIENT_SECRET_VARIABLE))
                .isEqualTo(environmentValue(
                        LocalAuthorizationServer.SPEC.name(), LocalAuthorizationServer.WEB_CLIENT_SECRET_VARIABLE));
        assertThat(environment.get("JAVA_TOOL_OPTIONS")).containsPattern("-Xmx\\d+[mMgG]");
    }

    @Test
    void shouldGiveEachRoleClientItsSecretFromTheEnvironmentWithTheLocalDefault() throws IOException {
        // given
        Map<String, Object> clients = map(applicationYaml(LocalAuthorizationServer.SPEC).stream()
                .map(document -> lookup(document, "footdrop.auth.clients"))
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new AssertionError("authorization-server has no footdrop.auth.clients")));

        // when
        Map<String, String> composeEnvironment = environment(composeService(LocalAuthorizationServer.SPEC.name()));

        // then
        assertThat(clients.keySet()).containsExactlyElementsOf(LocalAuthorizationServer.CLIENTS);
        for (String client : LocalAuthorizationServer.CLIENTS) {
            String variable = LocalAuthorizationServer.secretVariable(client);
            String localDefault = LocalAuthorizationServer.localDefaultSecret(client);
            assertThat(String.valueOf(map(clients.get(client)).get("secret")))
                    .as(client)
                    .isEqualTo("${" + variable + ":" + localDefault + "}");
            assertThat(composeEnvironment)
                    .as(client)
                    .containsEntry(variable, "${" + variable + ":-" + localDefault + "}");
        }
    }

    @Test
    void shouldScrapeTheServicesWithAnOpsTokenFromTheAuthorizationServer() throws IOException {
        // given
        Map<String, Object> prometheus = composeService("prometheus");
        Path prometheusDir = mountedFrom(prometheus, "/etc/prometheus");
        Set<String> serviceTargets = ServiceSpec.all().stream()
                .map(spec -> spec.name() + ":" + environmentValue(spec.name(), "SERVER_PORT"))
                .collect(Collectors.toSet());

        // when
        List<Map<String, Object>> jobs =
                maps(yaml(prometheusDir.resolve("prometheus.yml")).get("scrape_configs")).stream()
                        .filter(job -> maps(job.get("static_configs")).stream()
                                .anyMatch(group ->
                                        strings(group.get("targets")).stream().anyMatch(serviceTargets::contains)))
                        .toList();

        // then
        assertThat(jobs).isNotEmpty();
        for (Map<String, Object> job : jobs) {
            Map<String, Object> oauth2 = map(job.get("oauth2"));
            assertThat(oauth2)
                    .as(String.valueOf(job.get("job_name")))
                    .containsEntry("client_id", "ops")
                    .containsEntry("token_url", INTERNAL_AUTH + "/oauth2/token");
            assertThat(strings(oauth2.get("scopes"))).containsExactly("ops");
            String secretFile = String.valueOf(oauth2.get("client_secret_file"));
            assertThat(secretFile)
                    .as("relative, so it resolves both in the container and for promtool")
                    .doesNotStartWith("/");
            // the default mounted in the container is the file promtool sees, and holds the ops local default
            SecretMount mount = secretMount(prometheus, "/etc/prometheus/" + secretFile);
            assertThat(mount.variable()).isEqualTo("FOOTDROP_PROMETHEUS_OPS_SECRET_FILE");
            assertThat(root.resolve(mount.defaultSource()).normalize()).isEqualTo(prometheusDir.resolve(secretFile));
            assertThat(Files.readString(prometheusDir.resolve(secretFile)).strip())
                    .isEqualTo(LocalAuthorizationServer.localDefaultSecret("ops"));
        }
    }

    // ---- reading the files ----

    private record PortMapping(int published, int container) {}

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as(
                        "a directory above %s holding docker-compose.yml",
                        Path.of("").toAbsolutePath())
                .isNotNull();
        return dir;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return map(new Yaml().load(reader));
        }
    }

    private static List<Map<String, Object>> applicationYaml(ServiceSpec spec) throws IOException {
        Path file = root.resolve(spec.name()).resolve("src/main/resources/application.yml");
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document != null) {
                    documents.add(map(document));
                }
            }
        }
        return documents;
    }

    /** server.port of the document that applies without a profile. */
    private static String defaultServerPort(ServiceSpec spec) throws IOException {
        return applicationYaml(spec).stream()
                .filter(document -> lookup(document, "spring.config.activate.on-profile") == null)
                .map(document -> lookup(document, "server.port"))
                .filter(Objects::nonNull)
                .map(String::valueOf)
                .findFirst()
                .orElseThrow(() -> new AssertionError(spec.name() + " has no default server.port"));
    }

    private static String placeholderDefault(String value, String variable) {
        Matcher matcher = ENV_PLACEHOLDER.matcher(value);
        assertThat(matcher.matches()).as("%s is ${%s:default}", value, variable).isTrue();
        assertThat(matcher.group(1)).isEqualTo(variable);
        return matcher.group(2);
    }

    /**
     * Every `${VAR:default}` whose value is an address: the server port, or a default that is a URI or a
     * host:port list. Compose must set each of them, or the container would talk to its own localhost.
     */
    private static Map<String, String> addressPlaceholders(List<Map<String, Object>> documents) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Map<String, Object> document : documents) {
            collectAddressPlaceholders("", document, found);
        }
        return found;
    }

    private static void collectAddressPlaceholders(String path, Object node, Map<String, String> found) {
        if (node instanceof Map<?, ?> children) {
            children.forEach((key, child) ->
                    collectAddressPlaceholders(path.isEmpty() ? String.valueOf(key) : path + "." + key, child, found));
        } else if (node instanceof List<?> items) {
            items.forEach(item -> collectAddressPlaceholders(path, item, found));
        } else if (node instanceof String text) {
            Matcher matcher = ENV_PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                String defaultValue = matcher.group(2);
                if (path.equals("server.port")
                        || URI_VALUE.matcher(defaultValue).matches()
                        || HOST_PORT_LIST.matcher(defaultValue).matches()) {
                    found.put(matcher.group(1), defaultValue);
                }
            }
        }
    }

    private static Object lookup(Map<String, Object> document, String dottedPath) {
        Object node = document;
        for (String key : dottedPath.split("\\.")) {
            if (!(node instanceof Map<?, ?> children) || !children.containsKey(key)) {
                return null;
            }
            node = children.get(key);
        }
        return node;
    }

    private static Map<String, Object> composeService(String name) {
        assertThat(services).as("docker-compose.yml services").containsKey(name);
        return map(services.get(name));
    }

    /** The environment as name -> value, whether written as a map or as a list of NAME=value. */
    private static Map<String, String> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        Map<String, String> values = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach(
                    (key, value) -> values.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        } else if (environment instanceof List<?> entries) {
            for (Object entry : entries) {
                String[] parts = String.valueOf(entry).split("=", 2);
                values.put(parts[0], parts.length > 1 ? parts[1] : null);
            }
        }
        return values;
    }

    private static String environmentValue(String serviceName, String variable) {
        Map<String, String> environment = environment(composeService(serviceName));
        assertThat(environment).as("environment of %s", serviceName).containsKey(variable);
        return environment.get(variable);
    }

    /** Published ports in the short ("8081:8081", "127.0.0.1:8081:8081/tcp") or long (published/target) syntax. */
    private static List<PortMapping> ports(Map<String, Object> service) {
        List<PortMapping> mappings = new ArrayList<>();
        for (Object port : list(service.get("ports"))) {
            if (port instanceof Map<?, ?> longSyntax) {
                mappings.add(new PortMapping(
                        Integer.parseInt(String.valueOf(longSyntax.get("published"))),
                        Integer.parseInt(String.valueOf(longSyntax.get("target")))));
            } else {
                String[] parts =
                        String.valueOf(port).replaceFirst("/(tcp|udp)$", "").split(":");
                int container = Integer.parseInt(parts[parts.length - 1]);
                int published = parts.length > 1 ? Integer.parseInt(parts[parts.length - 2]) : container;
                mappings.add(new PortMapping(published, container));
            }
        }
        return mappings;
    }

    /** The repository directory bind-mounted at the given container path. */
    private static Path mountedFrom(Map<String, Object> service, String containerPath) {
        for (String volume : strings(service.get("volumes"))) {
            String[] parts = volume.split(":");
            if (parts.length >= 2 && parts[1].equals(containerPath) && parts[0].startsWith(".")) {
                Path source = root.resolve(parts[0]).normalize();
                assertThat(source).as(volume).exists();
                return source;
            }
        }
        throw new AssertionError("nothing from the repository is mounted at " + containerPath);
    }

    private record SecretMount(String variable, String defaultSource) {}

    private static SecretMount secretMount(Map<String, Object> service, String containerPath) {
        for (String volume : strings(service.get("volumes"))) {
            Matcher matcher = OVERRIDABLE_READ_ONLY_MOUNT.matcher(volume);
            if (matcher.matches() && matcher.group(3).equals(containerPath)) {
                return new SecretMount(matcher.group(1), matcher.group(2));
            }
        }
        throw new AssertionError(
                "no ${VARIABLE:-./default}:" + containerPath + ":ro mount in " + service.get("volumes"));
    }

    /** host:port of each listener in "NAME://host:port,NAME://host:port". */
    private static Set<String> listenerAddresses(String listeners) {
        return Arrays.stream(listeners.split(","))
                .map(listener -> listener.substring(listener.indexOf("://") + 3))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The options of each `kafka-topics.sh ... --create ...` in a shell command line: flags map to "", and each
     * `--config key=value` to an entry "--config key" -> value.
     */
    private static List<Map<String, String>> topicCreations(String script) {
        List<Map<String, String>> creations = new ArrayList<>();
        for (String invocation : script.split("kafka-topics\\.sh")) {
            List<String> tokens = Arrays.stream(invocation.split("\\s+"))
                    .takeWhile(token -> !token.equals("&&") && !token.equals(";"))
                    .filter(token -> !token.isBlank())
                    .toList();
            if (!tokens.contains("--create")) {
                continue;
            }
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                if (token.equals("--config") && i + 1 < tokens.size()) {
                    String[] config = tokens.get(++i).split("=", 2);
                    options.put("--config " + config[0], config.length > 1 ? config[1] : "");
                } else if (token.startsWith("--")) {
                    boolean hasValue =
                            i + 1 < tokens.size() && !tokens.get(i + 1).startsWith("--");
                    options.put(token, hasValue ? tokens.get(++i) : "");
                }
            }
            creations.add(options);
        }
        return creations;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    private static List<?> list(Object node) {
        return node == null ? List.of() : (List<?>) node;
    }

    private static List<Map<String, Object>> maps(Object node) {
        return list(node).stream().map(ComposeFileTest::map).toList();
    }

    private static List<String> strings(Object node) {
        if (node instanceof String single) {
            return List.of(single);
        }
        return list(node).stream().map(String::valueOf).toList();
    }
}
