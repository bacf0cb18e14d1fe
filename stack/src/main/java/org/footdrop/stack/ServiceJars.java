package org.footdrop.stack;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Where the build put the executable jars of the processes the stack runs: {@code target/services/<name>.jar}
 * of the module that runs them, copied there by the maven-dependency-plugin from the service artifacts with
 * their version stripped, so a version bump changes nothing here.
 */
public record ServiceJars(Path directory) {

    /** {@code target/services} of the module whose classes (or jar) hold {@code anchor}. */
    public static ServiceJars ofModule(Class<?> anchor) {
        try {
            Path output = Path.of(
                    anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/classes, target/test-classes or target/<module>.jar: all one level under target
            Path target = output.toAbsolutePath().getParent();
            if (target == null) {
                throw new IllegalStateException("no build directory above " + output);
            }
            return new ServiceJars(target.resolve("services"));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the build output of " + anchor.getName(), e);
        }
    }

    public Path jar(ServiceSpec spec) {
        return directory.resolve(spec.name() + ".jar");
    }

    /** Fails, naming every missing jar, unless all are there: a system test must not run against half a system. */
    public ServiceJars requireAll(Collection<ServiceSpec> specs) {
        List<Path> missing = specs.stream()
                .map(this::jar)
                .filter(jar -> !Files.isRegularFile(jar))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("missing service jars " + missing
                    + ": the build copies them there when it packages this module (./mvnw -B verify,"
                    + " or -pl <module> -am)");
        }
        return this;
    }
}
