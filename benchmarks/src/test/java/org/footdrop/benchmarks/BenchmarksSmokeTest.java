package org.footdrop.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole benchmark run, shrunk to seconds, so the harness keeps working: every stage runs against
 * the real embedded stack and the report has every section. No figure is asserted.
 */
@Tag("system")
class BenchmarksSmokeTest {

    @Test
    void shouldRunEveryStageAndWriteTheReport(@TempDir Path data) throws Exception {
        Path out = Path.of("target", "BENCHMARKS-smoke.md");

        Benchmarks.run("--smoke", "--out", out.toString(), "--data-dir", data.toString());

        String report = Files.readString(out);
        assertThat(report)
                .contains(
                        "## Summary",
                        "git commit",
                        "| P1 ingest",
                        "| P2 replay",
                        "| P2 live consumers",
                        "| P3 freshness",
                        "| P4 queries at 50 fed patients",
                        "| P5 footprint",
                        "| web pages at 50 fed patients",
                        "## Web pages",
                        "| P6 import",
                        "## P6: bulk import",
                        "| P7 FHIR batch of 30 entries vs the own API",
                        "## P7: the FHIR facade",
                        "| process | FHIR batch | own API | difference |",
                        "## Where the time goes",
                        "SMOKE RUN");
        assertThat(report).doesNotContain("profile not");
        // every page signed in as its role and answered: its row is in the web pages' table
        for (WebPagesStage.Page page : WebPagesStage.PAGES) {
            assertThat(report).contains("| " + page.name() + " `" + page.path() + "` | " + page.role() + " |");
        }
        // the broker and the store measured in a JVM of their own, as the launcher's: memory, CPU and profile
        assertThat(report)
                .contains("| " + BenchmarkStack.INFRASTRUCTURE + " |", "### " + BenchmarkStack.INFRASTRUCTURE);
    }
}
