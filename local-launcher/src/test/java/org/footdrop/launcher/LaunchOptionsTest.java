package org.footdrop.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        assertThat(LaunchOptions.usage()).contains("[--no-auth]");
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
    void shouldRejectUnknownServiceOrOption() {
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--services", "billing"}, Map.of(), REPO))
                .hasMessageContaining("unknown service 'billing'");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--verbose"}, Map.of(), REPO))
                .hasMessageContaining("unknown option --verbose");
        assertThatThrownBy(() -> LaunchOptions.parse(new String[] {"--data-dir"}, Map.of(), REPO))
                .hasMessageContaining("needs a value");
    }

    @Test
    void shouldPointEachServiceAtItsOwnDatabaseTheLocalBrokerAndTheLocalAuthorizationServer() {
        ServiceSpec treatment = ServiceSpec.all().get(1);
        ServiceProcess process =
                ServiceProcess.service(treatment, REPO, REPO.resolve("logs"), InfraPorts.standard(), true, false);

        assertThat(process.environment())
                .containsEntry("SERVER_PORT", "8082")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
                .containsEntry("MONGODB_URI", "mongodb://localhost:27017/footdrop_treatment")
                .containsEntry("FOOTDROP_AUTH_ISSUER", "http://localhost:9000")
                .containsEntry("FOOTDROP_AUTH_JWKS_URI", "http://localhost:9000/oauth2/jwks");
        assertThat(process.command())
                .endsWith("-jar", "/repo/treatment-service/target/treatment-service-0.1.0-SNAPSHOT.jar");
    }

    @Test
    void shouldLeaveTheServicesTheirOwnAuthorizationServerDefaultsUnderNoAuth() {
        ServiceProcess process = ServiceProcess.service(
                ServiceSpec.all().get(0), REPO, REPO.resolve("logs"), InfraPorts.standard(), false, false);

        assertThat(process.environment()).doesNotContainKeys("FOOTDROP_AUTH_ISSUER", "FOOTDROP_AUTH_JWKS_URI");
    }

    @Test
    void shouldRunTheAuthorizationServerOn9000WithASmallHeapAndItsKeyUnderTheDataDirectory() {
        ServiceProcess auth = ServiceProcess.authorizationServer(REPO, REPO.resolve("logs"), Path.of("/data"), false);

        assertThat(auth.environment())
                .containsEntry("SERVER_PORT", "9000")
                .containsEntry("FOOTDROP_AUTH_ISSUER", "http://localhost:9000")
                .containsEntry("FOOTDROP_AUTH_KEY_DIR", "/data/authorization-server")
                .doesNotContainKeys("MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS");
        assertThat(auth.command())
                .contains("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Xmx96m")
                .endsWith("-jar", "/repo/authorization-server/target/authorization-server-0.1.0-SNAPSHOT.jar");
        assertThat(LocalAuthorizationServer.SPEC.readinessUrl())
                .isEqualTo("http://localhost:9000/actuator/health/readiness");
    }

    @Test
    void shouldPrintEachClientWithItsLocalDefaultSecretAndAReadyToPasteCurlLine() {
        String summary = LocalAuthorizationServer.clientsSummary(Map.of());

        for (String client : List.of("clinical-writer", "clinician", "analyst", "ops", "admin")) {
            assertThat(summary).containsPattern("(?m)^  " + client + " +" + client + "-local-secret$");
        }
        assertThat(summary)
                .contains(
                        "curl -s -u analyst:analyst-local-secret -d grant_type=client_credentials http://localhost:9000/oauth2/token");
    }

    @Test
    void shouldNeverPrintASecretSetInTheEnvironment() {
        Map<String, String> env = Map.of(
                "FOOTDROP_AUTH_CLIENTS_ANALYST_SECRET", "s3cret-analyst",
                "FOOTDROP_AUTH_CLIENTS_CLINICAL_WRITER_SECRET", "s3cret-writer");

        String summary = LocalAuthorizationServer.clientsSummary(env);

        assertThat(summary)
                .doesNotContain("s3cret")
                .contains("(secret from $FOOTDROP_AUTH_CLIENTS_CLINICAL_WRITER_SECRET)")
                .contains(
                        "curl -s -u \"analyst:$FOOTDROP_AUTH_CLIENTS_ANALYST_SECRET\" -d grant_type=client_credentials")
                .contains("ops-local-secret");
    }
}
