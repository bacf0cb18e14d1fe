package org.footdrop.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The checkout the code runs from: the nearest directory holding {@code mvnw} above the build output of the
 * given class (a jar or classes under {@code <module>/target}), else above the working directory.
 */
public final class RepositoryRoot {

    private RepositoryRoot() {}

    public static Path of(Class<?> anchor) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        return buildOutput(anchor)
                .flatMap(RepositoryRoot::above)
                .or(() -> above(workingDirectory))
                .orElse(workingDirectory);
    }

    private static Optional<Path> buildOutput(Class<?> anchor) {
        try {
            return Optional.of(Path.of(anchor.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toAbsolutePath());
        } catch (Exception unusualClassLoader) {
            return Optional.empty();
        }
    }

    private static Optional<Path> above(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
