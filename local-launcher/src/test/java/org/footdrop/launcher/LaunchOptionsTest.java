package org.footdrop.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    private static final Path REPO = Path.of("/repo");

    @Test
    void shouldStartAllServicesWithDataUnderTheRepoByDefault() {
        LaunchOptions options = LaunchOptions.parse(new String[0], Map.of(), REPO);

        assertThat(options.dataDir()).isEqualTo(REPO.resolve(".local-data"));
        assertThat(options.services()).extracting(ServiceSpec::name)
                .containsExactly("intake-service", "treatment-service", "outcomes-service");
        assertThat(options.services()).extracting(ServiceSpec::port).containsExactly(8081, 8082, 8083);
        assertThat(options.restartCrashed()).isFalse();
    }

    @Test
    void shouldTakeDataDirFromEnvironmentUnlessGivenOnCommandLine() {
        Map<String, String> env = Map.of("FOOTDROP_DATA_DIR", "/from-env");

        assertThat(LaunchOptions.parse(new String[0], env, REPO).dataDir()).isEqualTo(Path.of("/from-env"));
        assertThat(LaunchOptions.parse(new String[] {"--data-dir", "/from-args"}, env, REPO).dataDir())
                .isEqualTo(Path.of("/from-args"));
    }

    @Test
    void shouldStartOnlyInfrastructureWhenServicesAreNone() {
        assertThat(LaunchOptions.parse(new String[] {"--services", "none"}, Map.of(), REPO).services()).isEmpty();
    }

    @Test
    void shouldStartChosenServicesOnceEachWithRestartOnRequest() {
        LaunchOptions options = LaunchOptions.parse(
                new String[] {"--services", "outcomes,intake,outcomes-service", "--restart"}, Map.of(), REPO);

        assertThat(options.services()).extracting(ServiceSpec::name).containsExactly("outcomes-service", "intake-service");
        assertThat(options.restartCrashed()).isTrue();
    }

    @Test
    void shouldRejectUnknownServiceOrOption() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--services", "billing"}, Map.of(), REPO))
                .hasMessageContaining("unknown service 'billing'");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--verbose"}, Map.of(), REPO))
                .hasMessageContaining("unknown option --verbose");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--data-dir"}, Map.of(), REPO))
                .hasMessageContaining("needs a value");
    }

    @Test
    void shouldPointEachServiceAtItsOwnDatabaseAndTheLocalBroker() {
        ServiceSpec treatment = ServiceSpec.all().get(1);
        ServiceProcess process = new ServiceProcess(treatment, REPO, REPO.resolve("logs"), InfraPorts.standard(), false);

        assertThat(process.environment())
                .containsEntry("SERVER_PORT", "8082")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
                .containsEntry("MONGODB_URI", "mongodb://localhost:27017/footdrop_treatment");
        assertThat(process.command()).endsWith("-jar", "/repo/treatment-service/target/treatment-service-0.1.0-SNAPSHOT.jar");
    }
}
