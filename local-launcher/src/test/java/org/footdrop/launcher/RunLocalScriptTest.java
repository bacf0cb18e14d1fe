package org.footdrop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.footdrop.stack.JvmFlags;
import org.footdrop.stack.RepositoryRoot;
import org.junit.jupiter.api.Test;

/** run-local.sh starts the launcher's JVM with the stack's flags, from the one file that holds them. */
class RunLocalScriptTest {

    @Test
    void shouldLetRunLocalPassTheArgfileAndNoFlagOfItsOwn() throws Exception {
        // given the line of run-local.sh that starts the launcher
        Path repo = RepositoryRoot.of(RunLocalScriptTest.class);
        String launch = Files.readAllLines(repo.resolve("run-local.sh")).stream()
                .filter(line -> line.startsWith("exec java "))
                .findFirst()
                .orElseThrow();

        // then it passes the stack's argfile, which exists, and sets no -X flag itself
        String argfile = "stack/src/main/resources/org/footdrop/stack/" + JvmFlags.INFRASTRUCTURE_ARGFILE;
        assertThat(launch).contains(" @" + argfile + " ");
        assertThat(repo.resolve(argfile)).isRegularFile();
        assertThat(launch.split("\\s+")).noneMatch(flag -> flag.startsWith("-X"));
    }
}
