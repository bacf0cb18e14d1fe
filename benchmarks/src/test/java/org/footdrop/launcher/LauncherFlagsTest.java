package org.footdrop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The benchmark's broker-and-store JVM runs with the flags the launcher's own JVM gets from run-local.sh. */
class LauncherFlagsTest {

    @Test
    void shouldStartTheBrokerAndStoreWithRunLocalFlags() throws Exception {
        // given the line of run-local.sh that starts the launcher
        String launch = Files.readAllLines(RunningSystem.repoRoot().resolve("run-local.sh")).stream()
                .filter(line -> line.startsWith("exec java "))
                .findFirst()
                .orElseThrow();

        // then it holds every flag of the benchmark's copy, and no other -X flag
        assertThat(launch.split("\\s+"))
                .filteredOn(flag -> flag.startsWith("-X"))
                .containsExactlyInAnyOrderElementsOf(BenchmarkStack.LAUNCHER_JVM_FLAGS);
    }
}
