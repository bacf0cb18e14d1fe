package org.footdrop.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJarsTest {

    @TempDir
    Path services;

    @Test
    void shouldFindEachJarUnderItsNameWithoutAVersion() throws Exception {
        // given the build copied every process's jar, versions stripped
        for (ServiceSpec spec : ServiceSpec.everyProcess()) {
            Files.createFile(services.resolve(spec.name() + ".jar"));
        }

        // then every process has its jar
        ServiceJars jars = new ServiceJars(services).requireAll(ServiceSpec.everyProcess());
        assertThat(jars.jar(ServiceSpec.all().get(2))).isEqualTo(services.resolve("outcomes-service.jar"));
    }

    @Test
    void shouldNameEveryMissingJar() throws Exception {
        // given only the authorization server's jar
        Files.createFile(services.resolve("authorization-server.jar"));

        // then the check fails, naming the three missing services and the web app
        assertThatThrownBy(() -> new ServiceJars(services).requireAll(ServiceSpec.everyProcess()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("intake-service.jar")
                .hasMessageContaining("treatment-service.jar")
                .hasMessageContaining("outcomes-service.jar")
                .hasMessageContaining("web-app.jar")
                .hasMessageNotContaining("authorization-server.jar");
    }

    @Test
    void shouldLookUnderTargetServicesOfTheModuleThatHoldsTheClass() {
        // this test class sits in stack/target/test-classes
        Path directory = ServiceJars.ofModule(ServiceJarsTest.class).directory();

        assertThat(directory.getFileName()).hasToString("services");
        assertThat(directory.getParent().getFileName()).hasToString("target");
        assertThat(directory.getParent().getParent().getFileName()).hasToString("stack");
    }

    @Test
    void shouldListTheAuthorizationServerFirstAmongTheProcesses() {
        assertThat(ServiceSpec.everyProcess())
                .extracting(ServiceSpec::name)
                .isEqualTo(List.of(
                        "authorization-server", "intake-service", "treatment-service", "outcomes-service", "web-app"));
    }
}
