package org.footdrop.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the stack decides before any process starts; the processes themselves are tested in system-tests. */
class SystemStackTest {

    private static final InfraPorts PORTS = new InfraPorts(41001, 41002, 41003);
    private static final ServiceJars JARS = new ServiceJars(Path.of("/build/services"));

    @Test
    void shouldTellAServiceTheBrokerItsOwnDatabaseAndTheAuthorizationServerOverWhatWasAdded() {
        // given settings added for every service, one of which the stack must decide
        Map<String, String> added = Map.of("LOGGING_LEVEL_ROOT", "DEBUG", "MONGODB_URI", "mongodb://elsewhere:1");

        // when
        Map<String, String> environment = SystemStack.serviceEnvironment(
                added, PORTS, PORTS.mongoUri(), "footdrop_outcomes", "http://localhost:41010");

        // then
        assertThat(environment)
                .containsEntry("LOGGING_LEVEL_ROOT", "DEBUG")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:41001")
                .containsEntry("MONGODB_URI", "mongodb://localhost:41003/footdrop_outcomes")
                .containsEntry("FOOTDROP_AUTH_ISSUER", "http://localhost:41010")
                .containsEntry("FOOTDROP_AUTH_JWKS_URI", "http://localhost:41010/oauth2/jwks")
                .doesNotContainKey("SERVER_PORT");
    }

    @Test
    void shouldPutTheDatabaseInAMongoUriKeepingItsHostsCredentialsAndOptions() {
        assertThat(SystemStack.withDatabase("mongodb://localhost:27017", "footdrop_intake"))
                .isEqualTo("mongodb://localhost:27017/footdrop_intake");
        assertThat(SystemStack.withDatabase("mongodb://localhost:27017/other", "footdrop_intake"))
                .isEqualTo("mongodb://localhost:27017/footdrop_intake");
        assertThat(SystemStack.withDatabase("mongodb://u:p@a:1,b:2/?replicaSet=rs0&w=majority", "footdrop_intake"))
                .isEqualTo("mongodb://u:p@a:1,b:2/footdrop_intake?replicaSet=rs0&w=majority");
        assertThat(SystemStack.withDatabase("mongodb+srv://cluster.example?retryWrites=true", "x"))
                .isEqualTo("mongodb+srv://cluster.example/x?retryWrites=true");
    }

    @Test
    void shouldRunAChildJvmOnThisJavaAndClasspathWithItsFlagsBeforeTheClass() {
        // when
        List<String> command =
                SystemStack.javaCommand(List.of("-Xmx512m", "-XX:+UseSerialGC"), StoreProcess.class, "/data", "41003");

        // then
        assertThat(command.get(0))
                .isEqualTo(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString());
        assertThat(command)
                .containsSubsequence("-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"))
                .endsWith(StoreProcess.class.getName(), "/data", "41003");
    }

    @Test
    void shouldStartByDefaultEveryServiceWithTheBrokerAndStoreInThisJvmAndLogsBesideTheData(@TempDir Path data) {
        // when
        SystemStack.Builder builder = new SystemStack.Builder(data, JARS, data);

        // then
        assertThat(builder.infra()).isEqualTo(SystemStack.Infra.IN_THIS_JVM);
        assertThat(builder.logs()).isEqualTo(data);
        assertThat(builder.services()).isEqualTo(ServiceSpec.all());
        assertThat(builder.readyTimeout()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void shouldRefuseToKillAStoreThatAnotherMongoDbProvides(@TempDir Path data) {
        // given another MongoDB, and the store asked for in a JVM of its own
        SystemStack.Builder builder = new SystemStack.Builder(data, new ServiceJars(data), data)
                .externalMongo("mongodb://db.example:27017")
                .infrastructure(SystemStack.Infra.STORE_IN_OWN_JVM);

        // when / then: refused before anything starts
        assertThatThrownBy(builder::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another MongoDB");
    }

    @Test
    void shouldNameEveryMissingJarBeforeStartingAnything(@TempDir Path data) {
        // given a build that packaged no jar
        SystemStack.Builder builder = new SystemStack.Builder(data, new ServiceJars(data.resolve("services")), data)
                .services(List.of(ServiceSpec.all().get(0)));

        // when / then
        assertThatThrownBy(builder::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("authorization-server.jar")
                .hasMessageContaining("intake-service.jar")
                .hasMessageNotContaining("outcomes-service.jar");
    }

    @Test
    void shouldTreatABlankExternalMongoUriAsTheEmbeddedStore(@TempDir Path data) {
        assertThat(new SystemStack.Builder(data, JARS, data).externalMongo(" ").externalMongoUri())
                .isNull();
    }

    @Test
    void shouldMoveAServiceToAnotherPortKeepingEverythingElse() {
        ServiceSpec outcomes = ServiceSpec.all().get(2);

        ServiceSpec moved = outcomes.onPort(41020);

        assertThat(moved.port()).isEqualTo(41020);
        assertThat(moved.url()).isEqualTo("http://localhost:41020");
        assertThat(moved).usingRecursiveComparison().ignoringFields("port").isEqualTo(outcomes);
    }

    @Test
    void shouldRunASecondInstanceFromTheSameJarWithALogOfItsOwn() {
        ServiceSpec outcomes = ServiceSpec.all().get(2).onPort(41021);

        ServiceProcess second =
                new ServiceProcess(outcomes, "outcomes-2", JARS, Path.of("/repo"), Path.of("/logs"), Map.of(), false);

        assertThat(second.name()).isEqualTo("outcomes-2");
        assertThat(second.log()).isEqualTo(Path.of("/logs/outcomes-2.log"));
        assertThat(second.jar()).isEqualTo(Path.of("/build/services/outcomes-service.jar"));
        assertThat(second.pid()).isEmpty();
    }

    @Test
    void shouldRestartWithChangedSettingsOnTheSamePortAndLog() {
        // given a service with its settings
        ServiceSpec outcomes = ServiceSpec.all().get(2).onPort(41022);
        ServiceProcess first = new ServiceProcess(
                outcomes, JARS, Path.of("/repo"), Path.of("/logs"), Map.of("A", "1", "B", "2"), false);

        // when one is changed
        ServiceProcess changed = first.withEnvironment(Map.of("B", "3"));

        // then the rest is as it was
        assertThat(changed.environment())
                .containsEntry("A", "1")
                .containsEntry("B", "3")
                .containsEntry("SERVER_PORT", "41022");
        assertThat(changed.log()).isEqualTo(first.log());
        assertThat(changed.command()).isEqualTo(first.command());
        assertThat(first.environment()).containsEntry("B", "2");
    }

    @Test
    void shouldGiveAnAuthorizationServerOnAnotherPortThatIssuerAndAKeyUnderTheData() {
        assertThat(LocalAuthorizationServer.environment("http://localhost:41030", Path.of("/data")))
                .containsEntry("FOOTDROP_AUTH_ISSUER", "http://localhost:41030")
                .containsEntry("FOOTDROP_AUTH_KEY_DIR", "/data/authorization-server");
    }
}
