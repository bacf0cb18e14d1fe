package org.footdrop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    private static final Path REPO = Path.of("/repo");
    private static final ServiceJars JARS = new ServiceJars(Path.of("/build/services"));

    @Test
    void shouldPointEachServiceAtItsOwnDatabaseTheLocalBrokerAndTheLocalAuthorizationServer() {
        ServiceSpec treatment = ServiceSpec.all().get(1);
        ServiceProcess process =
                ServiceProcess.service(treatment, JARS, REPO, REPO.resolve("logs"), InfraPorts.standard(), true, false);

        assertThat(process.environment())
                .containsEntry("SERVER_PORT", "8082")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
                .containsEntry("MONGODB_URI", "mongodb://localhost:27017/footdrop_treatment")
                .containsEntry("FOOTDROP_AUTH_ISSUER", "http://localhost:9000")
                .containsEntry("FOOTDROP_AUTH_JWKS_URI", "http://localhost:9000/oauth2/jwks");
        assertThat(process.command()).endsWith("-jar", "/build/services/treatment-service.jar");
    }

    @Test
    void shouldLeaveTheServicesTheirOwnAuthorizationServerDefaultsUnderNoAuth() {
        ServiceProcess process = ServiceProcess.service(
                ServiceSpec.all().get(0), JARS, REPO, REPO.resolve("logs"), InfraPorts.standard(), false, false);

        assertThat(process.environment()).doesNotContainKeys("FOOTDROP_AUTH_ISSUER", "FOOTDROP_AUTH_JWKS_URI");
    }

    @Test
    void shouldRunTheAuthorizationServerOn9000WithASmallHeapAndItsKeyUnderTheDataDirectory() {
        ServiceProcess auth =
                ServiceProcess.authorizationServer(JARS, REPO, REPO.resolve("logs"), Path.of("/data"), false);

        assertThat(auth.environment())
                .containsEntry("SERVER_PORT", "9000")
                .containsEntry("FOOTDROP_AUTH_ISSUER", "http://localhost:9000")
                .containsEntry("FOOTDROP_AUTH_KEY_DIR", "/data/authorization-server")
                .doesNotContainKeys("MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS");
        assertThat(auth.command())
                .contains("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Xmx96m")
                .endsWith("-jar", "/build/services/authorization-server.jar");
        assertThat(LocalAuthorizationServer.SPEC.readinessUrl())
                .isEqualTo("http://localhost:9000/actuator/health/readiness");
    }
}
