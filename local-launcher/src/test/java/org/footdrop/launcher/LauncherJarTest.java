package org.footdrop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import org.footdrop.stack.RepositoryRoot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The jar run-local.sh runs with {@code java -jar}, after package: every jar its manifest lists is in
 * target/lib, and among them the classes the demo clinic's import reads JSON with. (A test-scoped
 * declaration once left Jackson out, and {@code --demo} failed after the stack was up.)
 */
@Tag("system")
class LauncherJarTest {

    @Test
    void shouldListOnItsClasspathEveryJarTheDemoClinicsImportNeeds() throws Exception {
        // given the packaged launcher and its manifest's classpath
        Path target = RepositoryRoot.of(LauncherJarTest.class).resolve("local-launcher/target");
        List<Path> classpath = new ArrayList<>();
        try (JarFile launcher = new JarFile(target.resolve("local-launcher.jar").toFile())) {
            String listed = launcher.getManifest().getMainAttributes().getValue("Class-Path");
            Arrays.stream(listed.trim().split("\\s+")).map(target::resolve).forEach(classpath::add);
        }

        // then each is there, and one of them holds Jackson's JsonNode and the project's JSON settings
        assertThat(classpath).allSatisfy(jar -> assertThat(jar).isRegularFile());
        assertThat(classpath).anyMatch(jar -> holds(jar, "tools/jackson/databind/JsonNode.class"));
        assertThat(classpath).anyMatch(jar -> holds(jar, "org/footdrop/contract/EventJson.class"));
    }

    private static boolean holds(Path jar, String entry) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry(entry) != null;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
