package org.footdrop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
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
 * Keeps docker-compose.tls.yml wired: merged over docker-compose.yml the way Compose merges files,
 * every process serves HTTPS with its own certificate, every client of Kafka, MongoDB and the JWK
 * set trusts the mounted CA, Kafka's client listener is SSL, MongoDB requires TLS, Prometheus scrapes
 * over HTTPS, the web app and the FHIR facade trust the CA for all their calls (the web app marks its
 * cookie Secure), and every certificate mounted is one deploy/tls/make-dev-certs.sh makes. The
 * override's variables themselves are exercised by IntakeOverTlsTest, OutcomesOverTlsTest,
 * WebAppOverTlsTest and FhirFacadeOverTlsTest.
 */
class ComposeTlsFileTest {

    private static final String CERTS = "./deploy/tls/certs/";
    /** Where the containers reach the authorization server themselves, over https. */
    private static final String INTERNAL_AUTH =
            "https://" + LocalAuthorizationServer.SPEC.name() + ":" + LocalAuthorizationServer.SPEC.port();

    private static final Pattern SCRIPT_HOSTS = Pattern.compile("(?m)^HOSTS=\\(([^)]*)\\)");

    private static Path root;
    private static Map<String, Object> base;
    private static Map<String, Object> override;
    private static Map<String, Object> merged;

    @BeforeAll
    static void loadComposeFiles() throws IOException {
        root = repositoryRoot();
        base = yaml(root.resolve("docker-compose.yml"));
        override = yaml(root.resolve("docker-compose.tls.yml"));
        merged = mergeCompose(base, override);
    }

    static Stream<ServiceSpec> services() {
        return ServiceSpec.all().stream();
    }

    static Stream<ServiceSpec> processes() {
        return Stream.concat(Stream.of(LocalAuthorizationServer.SPEC, LocalWebApp.SPEC), services());
    }

    /** Every process and the FHIR facade, which compose always runs. */
    static Stream<ServiceSpec> servers() {
        return Stream.concat(processes(), Stream.of(LocalFhirFacade.SPEC));
    }

    @Test
    void shouldBeAnOverrideOfTheSameFileFormat() {
        assertThat(override.get("version")).isEqualTo(base.get("version"));
        assertThat(map(override.get("services")).keySet())
                .isSubsetOf(map(base.get("services")).keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void shouldServeHttpsWithTheCertificateMadeForItsHostName(ServiceSpec spec) {
        // given
        Map<String, Object> service = service(spec.name());

        // when
        Map<String, String> environment = environment(service);

        // then
        assertThat(environment).containsEntry("SERVER_SSL_BUNDLE", "server");
        for (String variable : List.of(
                "SPRING_SSL_BUNDLE_PEM_SERVER_KEYSTORE_CERTIFICATE",
                "SPRING_SSL_BUNDLE_PEM_SERVER_KEYSTORE_PRIVATEKEY")) {
            assertThat(environment.get(variable)).as(variable).startsWith("file:");
            assertThat(mountedSource(service, environment.get(variable).substring("file:".length())))
                    .as(variable)
                    .startsWith(CERTS + spec.name() + "/");
        }
        assertThat(environment).containsEntry("SERVER_PORT", String.valueOf(spec.port()));
    }

    @Test
    void shouldFixAnHttpsIssuerThatTheServicesCheckAndFetchKeysFromInside() {
        // given
        String issuer =
                environment(service(LocalAuthorizationServer.SPEC.name())).get("FOOTDROP_AUTH_ISSUER");

        // then browser-facing over https, and the keys fetched at the compose name over https
        assertThat(issuer)
                .isEqualTo("${FOOTDROP_AUTH_ISSUER:-https://localhost:" + LocalAuthorizationServer.SPEC.port() + "}");
        for (ServiceSpec spec : ServiceSpec.all()) {
            Map<String, String> environment = environment(service(spec.name()));
            assertThat(environment)
                    .as(spec.name())
                    .containsEntry("FOOTDROP_AUTH_ISSUER", issuer)
                    .containsEntry("FOOTDROP_AUTH_JWKS_URI", INTERNAL_AUTH + "/oauth2/jwks")
                    .containsEntry("FOOTDROP_AUTH_JWKS_SSL_BUNDLE", "client");
        }
    }

    @Test
    void shouldHaveTheWebAppCallEverythingOverHttpsTrustingTheMountedCa() {
        // given
        Map<String, Object> webApp = service(LocalWebApp.SPEC.name());
        Map<String, String> environment = environment(webApp);
        String issuer =
                environment(service(LocalAuthorizationServer.SPEC.name())).get("FOOTDROP_AUTH_ISSUER");

        // when
        String ca = environment.get("SPRING_SSL_BUNDLE_PEM_CLIENT_TRUSTSTORE_CERTIFICATE");

        // then Boot's HTTP clients (the API clients and the sign-in's calls) use the "client" bundle, the CA
        assertThat(ca).startsWith("file:");
        assertThat(mountedSource(webApp, ca.substring("file:".length())))
                .isEqualTo(CERTS + LocalWebApp.SPEC.name() + "/ca.crt");
        assertThat(environment)
                .containsEntry("SPRING_HTTP_CLIENTS_SSL_BUNDLE", "client")
                .containsEntry("FOOTDROP_AUTH_ISSUER", issuer)
                .containsEntry("FOOTDROP_AUTH_INTERNAL_URI", INTERNAL_AUTH)
                .containsEntry("FOOTDROP_WEB_COOKIE_SECURE", "true");
        // and reaches every service at its compose name over https
        for (ServiceSpec spec : ServiceSpec.all()) {
            assertThat(environment)
                    .containsEntry(
                            "FOOTDROP_" + spec.shortName().toUpperCase(Locale.ROOT) + "_URI",
                            "https://" + spec.name() + ":" + spec.port());
        }
    }

    @Test
    void shouldHaveTheFhirFacadeReachItsStoreTheKeysAndTheServicesOverTlsTrustingTheMountedCa() {
        // given
        Map<String, Object> facade = service(LocalFhirFacade.SPEC.name());
        Map<String, String> environment = environment(facade);
        String issuer =
                environment(service(LocalAuthorizationServer.SPEC.name())).get("FOOTDROP_AUTH_ISSUER");

        // when
        String ca = environment.get("SPRING_SSL_BUNDLE_PEM_CLIENT_TRUSTSTORE_CERTIFICATE");

        // then the "client" bundle is the CA, for its store, the JWK set and every HTTP client it builds
        assertThat(ca).startsWith("file:");
        assertThat(mountedSource(facade, ca.substring("file:".length())))
                .isEqualTo(CERTS + LocalFhirFacade.SPEC.name() + "/ca.crt");
        assertThat(environment)
                .containsEntry("SPRING_MONGODB_SSL_ENABLED", "true")
                .containsEntry("SPRING_MONGODB_SSL_BUNDLE", "client")
                .containsEntry("SPRING_HTTP_CLIENTS_SSL_BUNDLE", "client")
                .containsEntry("FOOTDROP_AUTH_ISSUER", issuer)
                .containsEntry("FOOTDROP_AUTH_JWKS_URI", INTERNAL_AUTH + "/oauth2/jwks")
                .containsEntry("FOOTDROP_AUTH_JWKS_SSL_BUNDLE", "client")
                .doesNotContainKey("SPRING_KAFKA_SECURITY_PROTOCOL");
        assertThat(environment.get("MONGODB_URI")).startsWith("mongodb://mongodb:");
        // and it reaches every service it writes through and reads from at its compose name over https
        for (ServiceSpec spec : ServiceSpec.all()) {
            assertThat(environment)
                    .containsEntry(
                            "FOOTDROP_" + spec.shortName().toUpperCase(Locale.ROOT) + "_URI",
                            "https://" + spec.name() + ":" + spec.port());
        }
    }

    @Test
    void shouldSendPeopleBackToTheWebAppOnHttps() {
        // given
        Map<String, String> environment = environment(service(LocalAuthorizationServer.SPEC.name()));
        String webApp = "https://localhost:" + LocalWebApp.SPEC.port();

        // then after signing in and out, browsers return to the web app's https address
        assertThat(environment)
                .containsEntry(
                        "FOOTDROP_AUTH_WEB_CLIENT_REDIRECT_URI",
                        "${FOOTDROP_AUTH_WEB_CLIENT_REDIRECT_URI:-" + webApp + "/login/oauth2/code/clinic}")
                .containsEntry(
                        "FOOTDROP_AUTH_WEB_CLIENT_POST_LOGOUT_REDIRECT_URI",
                        "${FOOTDROP_AUTH_WEB_CLIENT_POST_LOGOUT_REDIRECT_URI:-" + webApp + "/}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void shouldTrustTheMountedCaForMongoDbKafkaAndTheJwkSet(ServiceSpec spec) {
        // given
        Map<String, Object> service = service(spec.name());

        // when
        Map<String, String> environment = environment(service);

        // then the "client" bundle is the CA, and the MongoDB driver uses it
        String ca = environment.get("SPRING_SSL_BUNDLE_PEM_CLIENT_TRUSTSTORE_CERTIFICATE");
        assertThat(ca).startsWith("file:");
        assertThat(mountedSource(service, ca.substring("file:".length()))).isEqualTo(CERTS + spec.name() + "/ca.crt");
        assertThat(environment)
                .containsEntry("SPRING_MONGODB_SSL_ENABLED", "true")
                .containsEntry("SPRING_MONGODB_SSL_BUNDLE", "client");
        // and every Kafka client (outbox and binder alike read spring.kafka.ssl.trust-store-*, not a bundle)
        assertThat(environment)
                .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SSL")
                .containsEntry("SPRING_KAFKA_SSL_TRUSTSTORETYPE", "PEM")
                .containsEntry("SPRING_KAFKA_SSL_TRUSTSTORELOCATION", ca)
                .doesNotContainKey("SPRING_KAFKA_SSL_BUNDLE");
        assertThat(environment.get("MONGODB_URI")).startsWith("mongodb://mongodb:");
        assertThat(environment.get("KAFKA_BOOTSTRAP_SERVERS"))
                .isEqualTo("kafka:" + InfraPorts.standard().kafka());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void shouldProbeReadinessOverTlsVerifyingTheCertificate(ServiceSpec spec) {
        // given
        Map<String, Object> service = service(spec.name());

        // when
        List<String> test = strings(map(service.get("healthcheck")).get("test"));
        String probe = String.join(" ", test);

        // then
        assertThat(test.subList(0, 3)).containsExactly("CMD", "bash", "-c");
        assertThat(probe)
                .contains("GET /actuator/health/readiness")
                .contains("openssl s_client")
                .contains("-connect 127.0.0.1:" + spec.port())
                .contains("-verify_return_error")
                .contains("200");
        assertThat(mountedSource(service, option(probe, "-CAfile"))).isEqualTo(CERTS + spec.name() + "/ca.crt");
    }

    @Test
    void shouldOfferKafkaClientsAnSslListenerOnly() {
        // given
        Map<String, Object> kafka = service("kafka");
        Map<String, String> environment = environment(kafka);
        Map<String, String> protocols = pairs(environment.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"));
        int port = InfraPorts.standard().kafka();

        // when
        Map<String, String> listeners = listeners(environment.get("KAFKA_LISTENERS"));
        Map<String, String> advertised = listeners(environment.get("KAFKA_ADVERTISED_LISTENERS"));

        // then the client listener is SSL, under a name the image's start script does not take for JKS
        assertThat(advertised).hasSize(1);
        String name = advertised.keySet().iterator().next();
        assertThat(advertised.get(name)).isEqualTo("kafka:" + port);
        assertThat(protocols).containsEntry(name, "SSL");
        assertThat(environment.get("KAFKA_ADVERTISED_LISTENERS")).doesNotContain("SSL://");
        assertThat(environment).containsEntry("KAFKA_INTER_BROKER_LISTENER_NAME", name);
        // and the controller listener as in docker-compose.yml
        assertThat(listeners)
                .containsEntry(name, ":" + port)
                .containsEntry("CONTROLLER", ":" + InfraPorts.standard().kafkaController())
                .hasSize(2);
        assertThat(protocols).containsEntry("CONTROLLER", "PLAINTEXT").hasSize(2);
        // with a PEM keystore and truststore made for the host name kafka
        assertThat(environment)
                .containsEntry("KAFKA_SSL_KEYSTORE_TYPE", "PEM")
                .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM")
                .doesNotContainKeys("KAFKA_SSL_KEYSTORE_PASSWORD", "KAFKA_SSL_KEY_PASSWORD");
        assertThat(mountedSource(kafka, environment.get("KAFKA_SSL_KEYSTORE_LOCATION")))
                .isEqualTo(CERTS + "kafka/tls.pem");
        assertThat(mountedSource(kafka, environment.get("KAFKA_SSL_TRUSTSTORE_LOCATION")))
                .isEqualTo(CERTS + "kafka/ca.crt");
    }

    @Test
    void shouldRunKafkasOwnToolsOverSslTrustingTheMountedCa() throws IOException {
        // given
        Map<String, Object> kafkaInit = service("kafka-init");
        String script = String.join(" ", strings(kafkaInit.get("command")));
        String healthcheck = String.join(
                " ", strings(map(service("kafka").get("healthcheck")).get("test")));

        // when
        List<String> invocations =
                Arrays.stream(script.split("&&")).map(String::strip).toList();

        // then every tool call, the broker's health check included, reads the SSL client settings
        assertThat(invocations).hasSize(TopicSpec.standard().size() + 1);
        for (String topic : TopicSpec.standard().stream().map(TopicSpec::name).toList()) {
            assertThat(invocations)
                    .anyMatch(call -> call.contains("--create") && call.contains("--topic " + topic + " "));
        }
        for (String call : invocations) {
            assertThat(call)
                    .contains(
                            "--bootstrap-server kafka:" + InfraPorts.standard().kafka());
            assertClientConfig(kafkaInit, option(call, "--command-config"));
        }
        assertThat(healthcheck)
                .contains("--bootstrap-server kafka:" + InfraPorts.standard().kafka());
        assertClientConfig(service("kafka"), option(healthcheck, "--command-config"));
    }

    @Test
    void shouldRequireTlsOnMongoDb() {
        // given
        Map<String, Object> mongodb = service("mongodb");

        // when
        String command = String.join(" ", strings(mongodb.get("command")));
        String healthcheck =
                String.join(" ", strings(map(mongodb.get("healthcheck")).get("test")));

        // then
        assertThat(command).contains("--tlsMode requireTLS").contains("--wiredTigerCacheSizeGB");
        assertThat(mountedSource(mongodb, option(command, "--tlsCertificateKeyFile")))
                .isEqualTo(CERTS + "mongodb/tls.pem");
        assertThat(mountedSource(mongodb, option(command, "--tlsCAFile"))).isEqualTo(CERTS + "mongodb/ca.crt");
        assertThat(healthcheck).contains("--tls ").contains("ping");
        assertThat(mountedSource(mongodb, option(healthcheck, "--tlsCAFile"))).isEqualTo(CERTS + "mongodb/ca.crt");
    }

    @Test
    void shouldScrapeOverHttpsWithATokenFetchedOverHttps() throws IOException {
        // given
        Map<String, Object> prometheus = service("prometheus");
        Path config = prometheusConfig(prometheus);
        List<String> targets =
                servers().map(spec -> spec.name() + ":" + spec.port()).toList();

        // when
        List<Map<String, Object>> jobs = maps(yaml(config).get("scrape_configs")).stream()
                .filter(job -> maps(job.get("static_configs")).stream()
                        .anyMatch(
                                group -> strings(group.get("targets")).stream().anyMatch(targets::contains)))
                .toList();

        // then every process, the web app, the authorization server and the FHIR facade included, is scraped over https
        assertThat(jobs.stream()
                        .flatMap(job -> maps(job.get("static_configs")).stream())
                        .flatMap(group -> strings(group.get("targets")).stream()))
                .containsAll(targets);
        for (Map<String, Object> job : jobs) {
            assertThat(job).containsEntry("scheme", "https");
            String ca = String.valueOf(map(job.get("tls_config")).get("ca_file"));
            assertThat(mountedSource(prometheus, ca)).isEqualTo(CERTS + "trust/ca.crt");
            Map<String, Object> oauth2 = map(job.get("oauth2"));
            assertThat(oauth2).containsEntry("token_url", INTERNAL_AUTH + "/oauth2/token");
            assertThat(mountedSource(
                            prometheus,
                            String.valueOf(map(oauth2.get("tls_config")).get("ca_file"))))
                    .isEqualTo(CERTS + "trust/ca.crt");
        }
    }

    @Test
    void shouldKeepPrometheusTlsConfigTheSameAsThePlainOneOtherwise() throws IOException {
        // given
        Map<String, Object> plain = yaml(root.resolve("deploy/prometheus/prometheus.yml"));
        Map<String, Object> tls = yaml(prometheusConfig(service("prometheus")));

        // when TLS is taken out again
        for (Map<String, Object> job : maps(tls.get("scrape_configs"))) {
            if ("https".equals(job.remove("scheme"))) {
                job.remove("tls_config");
                Map<String, Object> oauth2 = map(job.get("oauth2"));
                oauth2.remove("tls_config");
                oauth2.put("token_url", String.valueOf(oauth2.get("token_url")).replaceFirst("^https:", "http:"));
            }
        }

        // then the same jobs, targets, rules, intervals and ops client
        assertThat(tls).isEqualTo(plain);
    }

    @Test
    void shouldMountOnlyCertificatesTheScriptMakesAndNoCaKey() throws IOException {
        // given
        String script = Files.readString(root.resolve("deploy/tls/make-dev-certs.sh"));
        Matcher hosts = SCRIPT_HOSTS.matcher(script);
        assertThat(hosts.find()).as("HOSTS=(...) in make-dev-certs.sh").isTrue();
        List<String> made = new ArrayList<>(List.of(hosts.group(1).strip().split("\\s+")));
        made.add("trust");

        // when
        List<String> mounted = map(override.get("services")).values().stream()
                .flatMap(service -> strings(map(service).get("volumes")).stream())
                .filter(volume -> volume.startsWith(CERTS))
                .toList();

        // then each is one directory the script fills, read-only
        assertThat(mounted).isNotEmpty();
        for (String volume : mounted) {
            String[] parts = volume.split(":");
            assertThat(parts).as(volume).hasSize(3);
            assertThat(parts[2]).as(volume).isEqualTo("ro");
            assertThat(made)
                    .as(volume)
                    .contains(parts[0].substring(CERTS.length()).replaceFirst("/$", ""));
        }
        for (ServiceSpec spec : servers().toList()) {
            assertThat(made).contains(spec.name());
        }
        assertThat(made).contains("kafka", "mongodb");
    }

    // ---- helpers ----

    private static void assertClientConfig(Map<String, Object> service, String containerPath) throws IOException {
        String source = mountedSource(service, containerPath);
        assertThat(source).as(containerPath).startsWith("./");
        Properties client = new Properties();
        try (Reader reader = Files.newBufferedReader(root.resolve(source))) {
            client.load(reader);
        }
        assertThat(client).containsEntry("security.protocol", "SSL").containsEntry("ssl.truststore.type", "PEM");
        assertThat(mountedSource(service, client.getProperty("ssl.truststore.location")))
                .endsWith("/ca.crt")
                .startsWith(CERTS);
    }

    private static Path prometheusConfig(Map<String, Object> prometheus) {
        String configFile = strings(prometheus.get("command")).stream()
                .filter(argument -> argument.startsWith("--config.file="))
                .map(argument -> argument.substring("--config.file=".length()))
                .findFirst()
                .orElseThrow();
        Path local = root.resolve(mountedSource(prometheus, configFile)).normalize();
        assertThat(local).isRegularFile();
        return local;
    }

    /** The value after an option in a command line: "--flag value". */
    private static String option(String commandLine, String flag) {
        Matcher matcher = Pattern.compile(Pattern.quote(flag) + "\\s+(\\S+)").matcher(commandLine);
        assertThat(matcher.find()).as("%s in %s", flag, commandLine).isTrue();
        return matcher.group(1);
    }

    /**
     * The host path behind a container path, through the service's bind mounts ("./host:/container:ro"),
     * as "./host/rest"; fails when nothing from the repository is mounted there.
     */
    private static String mountedSource(Map<String, Object> service, String containerPath) {
        for (String volume : strings(service.get("volumes"))) {
            String[] parts = volume.split(":");
            if (parts.length >= 2 && parts[0].startsWith("./")) {
                String target = parts[1].endsWith("/") ? parts[1] : parts[1] + "/";
                if (containerPath.equals(parts[1])) {
                    return parts[0];
                }
                if (containerPath.startsWith(target)) {
                    String source = parts[0].endsWith("/") ? parts[0] : parts[0] + "/";
                    return source + containerPath.substring(target.length());
                }
            }
        }
        throw new AssertionError(
                "nothing from the repository is mounted at " + containerPath + " in " + service.get("volumes"));
    }

    /** "NAME://host:port,..." as NAME -> host:port. */
    private static Map<String, String> listeners(String listeners) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String listener : listeners.split(",")) {
            String[] parts = listener.split("://", 2);
            byName.put(parts[0], parts[1]);
        }
        return byName;
    }

    /** "A:B,C:D" as A -> B, C -> D. */
    private static Map<String, String> pairs(String list) {
        return Arrays.stream(list.split(","))
                .map(pair -> pair.split(":", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1], (a, b) -> b, LinkedHashMap::new));
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> services = map(merged.get("services"));
        assertThat(services).containsKey(name);
        return map(services.get(name));
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> values = new LinkedHashMap<>();
        map(service.get("environment")).forEach((key, value) -> values.put(key, String.valueOf(value)));
        return values;
    }

    /**
     * Compose's merge of an override file, as far as these files use it: mappings (services,
     * environment, healthcheck, depends_on) merge key by key, volumes merge by container path, and any
     * other list (command, test, entrypoint) is replaced.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mergeCompose(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> result = new LinkedHashMap<>(base);
        override.forEach((key, value) -> {
            Object existing = result.get(key);
            if (existing instanceof Map<?, ?> existingMap && value instanceof Map<?, ?> valueMap) {
                result.put(key, mergeCompose((Map<String, Object>) existingMap, (Map<String, Object>) valueMap));
            } else if (key.equals("volumes")
                    && existing instanceof List<?> existingList
                    && value instanceof List<?> valueList) {
                Map<String, String> byTarget = new LinkedHashMap<>();
                Stream.concat(existingList.stream(), valueList.stream())
                        .map(String::valueOf)
                        .forEach(volume -> byTarget.put(volume.split(":")[1], volume));
                result.put(key, new ArrayList<>(byTarget.values()));
            } else {
                result.put(key, value);
            }
        });
        return result;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docker-compose.tls.yml"))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as(
                        "a directory above %s holding docker-compose.tls.yml",
                        Path.of("").toAbsolutePath())
                .isNotNull();
        return dir;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return map(new Yaml().load(reader));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    private static List<Map<String, Object>> maps(Object node) {
        return node == null
                ? List.of()
                : ((List<?>) node).stream().map(ComposeTlsFileTest::map).toList();
    }

    private static List<String> strings(Object node) {
        if (node instanceof String single) {
            return List.of(single);
        }
        return node == null
                ? List.of()
                : ((List<?>) node).stream().map(String::valueOf).toList();
    }
}
