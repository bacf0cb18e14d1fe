package org.footdrop.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void shouldTakeCountsWithUnderscoresAndKeepTheDefaultsOtherwise() {
        Benchmarks.Options options = Benchmarks.Options.parse(
                new String[] {"--events", "20_000", "--small-patients", "2_000", "--data-dir", "/tmp/bench"});

        assertThat(options.events()).isEqualTo(20_000);
        assertThat(options.smallPatients()).isEqualTo(2_000);
        assertThat(options.seconds()).isEqualTo(30);
        assertThat(options.concurrency()).isEqualTo(8);
        assertThat(options.bulkEvents()).isEqualTo(100_000);
        assertThat(options.out()).isEqualTo(Path.of("docs/benchmarks.md"));
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/bench"));
        assertThat(options.smoke()).isFalse();
    }

    @Test
    void shouldShrinkEveryStageToSecondsForASmokeRun() {
        Benchmarks.Options options = Benchmarks.Options.parse(new String[] {"--smoke", "--data-dir", "/tmp/bench"});

        assertThat(options.events()).isEqualTo(2_000);
        assertThat(options.smallPatients()).isEqualTo(50);
        assertThat(options.seconds()).isEqualTo(2);
        assertThat(options.bulkEvents()).isEqualTo(1_000);
        assertThat(options.queryCalls()).isEqualTo(10);
        assertThat(options.importPatients()).isEqualTo(100);
    }

    @Test
    void shouldRejectAnUnknownOptionAndABadCount() {
        assertThatThrownBy(() -> Benchmarks.Options.parse(new String[] {"--event", "10"}))
                .hasMessageStartingWith("Unknown option")
                .hasMessageContaining("'--event'");
        assertThatThrownBy(() -> Benchmarks.Options.parse(new String[] {"--events", "many"}))
                .hasMessageContaining("Invalid value for option '--events'");
    }

    @Test
    void shouldDescribeEveryOptionInTheHelp() {
        assertThat(Benchmarks.Options.commandLine().getUsageMessage())
                .contains("Usage: run-benchmarks.sh")
                .contains(
                        "--events=N",
                        "--small-patients=N",
                        "--seconds=S",
                        "--concurrency=C",
                        "--bulk-events=N",
                        "--out=FILE",
                        "--data-dir=DIR",
                        "--smoke",
                        "--help");
    }
}
