package org.footdrop.launcher;

import java.nio.file.Path;
import java.util.List;

/** One Spring Boot service the launcher runs as its own JVM. */
public record ServiceSpec(String shortName, String name, int port, String database) {

    public static List<ServiceSpec> all() {
        return List.of(
                new ServiceSpec("intake", "intake-service", 8081, "footdrop_intake"),
                new ServiceSpec("treatment", "treatment-service", 8082, "footdrop_treatment"),
                new ServiceSpec("outcomes", "outcomes-service", 8083, "footdrop_outcomes"));
    }

    public Path jar(Path repoRoot) {
        return repoRoot.resolve(name).resolve("target").resolve(name + "-0.1.0-SNAPSHOT.jar");
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String readinessUrl() {
        return url() + "/actuator/health/readiness";
    }
}
