package org.footdrop.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.footdrop.stack.ServiceSpec;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    private static final Path REPO = Path.of("/repo");

    @Test
    void shouldStartAllServicesWithDataUnderTheRepoByDefault() {
        LaunchOptions options = LaunchOptions.parse(new String[0], Map.of(), REPO);

        assertThat(options.dataDir()).isEqualTo(REPO.resolve(".local-data"));
        assertThat(options.services())
                .extracting(ServiceSpec::name)
                .containsExactly("intake-service", "treatment-service", "outcomes-service");
        assertThat(options.services()).extracting(ServiceSpec::port).containsExactly(8081, 8082, 8083);
        assertThat(options.restartCrashed()).isFalse();
        assertThat(options.authorizationServer()).isTrue();
        assertThat(options.demoClinic()).isFalse();
    }

    @Test
    void shouldImportTheDemoClinicOnRequestWithEveryServiceAndTheAuthorizationServer() {
        assertThat(LaunchOptions.parse(new String[] {"--demo"}, Map.of(), REPO).demoClinic())
                .isTrue();
        assertThat(LaunchOptions.parse(
                                new String[] {"--services", "intake,treatment,outcomes", "--demo"}, Map.of(), REPO)
                        .demoClinic())
                .isTrue();
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--demo", "--no-auth"}, Map.of(), REPO))
                .hasMessageContaining("--demo needs every service and the authorization server");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--demo", "--services", "intake"}, Map.of(), REPO))
                .hasMessageContaining("--demo needs every service");
    }

    @Test
    void shouldTakeDataDirFromEnvironmentUnlessGivenOnCommandLine() {
        Map<String, String> env = Map.of("FOOTDROP_DATA_DIR", "/from-env");

        assertThat(LaunchOptions.parse(new String[0], env, REPO).dataDir()).isEqualTo(Path.of("/from-env"));
        assertThat(LaunchOptions.parse(new String[] {"--data-dir", "/from-args"}, env, REPO)
                        .dataDir())
                .isEqualTo(Path.of("/from-args"));
    }

    @Test
    void shouldStartOnlyInfrastructureWhenServicesAreNone() {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--services", "none"}, Map.of(), REPO);

        assertThat(options.services()).isEmpty();
        assertThat(options.authorizationServer())
                .as("infrastructure for services run by hand")
                .isTrue();
    }

    @Test
    void shouldRunTheAuthorizationServerForAnyChoiceOfServicesUnlessNoAuth() {
        LaunchOptions subset = LaunchOptions.parse(new String[] {"--services", "outcomes"}, Map.of(), REPO);
        LaunchOptions noAuth =
                LaunchOptions.parse(new String[] {"--no-auth", "--services", "outcomes"}, Map.of(), REPO);

        assertThat(subset.authorizationServer()).isTrue();
        assertThat(noAuth.authorizationServer()).isFalse();
        assertThat(noAuth.services()).extracting(ServiceSpec::name).containsExactly("outcomes-service");
        assertThat(LaunchOptions.commandLine().getUsageMessage()).contains("[--no-auth]");
    }

    @Test
    void shouldStartChosenServicesOnceEachWithRestartOnRequest() {
        LaunchOptions options = LaunchOptions.parse(
                new String[] {"--services", "outcomes,intake,outcomes-service", "--restart"}, Map.of(), REPO);

        assertThat(options.services())
                .extracting(ServiceSpec::name)
                .containsExactly("outcomes-service", "intake-service");
        assertThat(options.restartCrashed()).isTrue();
    }

    @Test
    void shouldStartTheFhirFacadeOnlyWhenAskedByNameOrWithFhir() {
        LaunchOptions byDefault = LaunchOptions.parse(new String[0], Map.of(), REPO);
        LaunchOptions named = LaunchOptions.parse(new String[] {"--services", "intake,fhir"}, Map.of(), REPO);
        LaunchOptions withFhir = LaunchOptions.parse(new String[] {"--with-fhir"}, Map.of(), REPO);

        assertThat(byDefault.services()).extracting(ServiceSpec::name).doesNotContain("fhir-facade");
        assertThat(named.services()).extracting(ServiceSpec::name).containsExactly("intake-service", "fhir-facade");
        assertThat(withFhir.services())
                .extracting(ServiceSpec::name)
                .containsExactly("intake-service", "treatment-service", "outcomes-service", "fhir-facade");
        assertThat(withFhir.services()).extracting(ServiceSpec::port).contains(8084);
    }

    @Test
    void shouldDescribeEveryOptionInTheHelp() {
        String usage = LaunchOptions.commandLine().getUsageMessage();

        assertThat(usage)
                .contains("Usage: run-local.sh")
                .contains("--services=intake,treatment,outcomes,fhir|all|none")
                .contains("--with-fhir", "--data-dir=PATH", "--restart", "--no-auth", "--demo", "--help");
    }

    @Test
    void shouldRejectUnknownServiceOrOption() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--services", "billing"}, Map.of(), REPO))
                .hasMessageContaining("unknown service 'billing'");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--verbose"}, Map.of(), REPO))
                .hasMessageContaining("Unknown option: '--verbose'");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--data-dir"}, Map.of(), REPO))
                .hasMessageContaining("Missing required parameter for option '--data-dir'");
    }
}
