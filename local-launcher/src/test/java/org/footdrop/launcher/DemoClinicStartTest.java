package org.footdrop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --demo on one data directory writes the same clinic every time, whatever the day. */
class DemoClinicStartTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepTheFirstDayOfTheDemoClinicSoThatLaterRunsWriteTheSameFile() throws Exception {
        // given a first --demo on 30 November
        Clock first = Clock.fixed(Instant.parse("2026-11-30T07:00:00Z"), ZoneOffset.UTC);
        Path firstFile = DemoClinicStart.clinic(dataDir, first)
                .write(dataDir.resolve("first.ndjson"))
                .file();

        // when --demo runs again a week later
        Clock later = Clock.fixed(Instant.parse("2026-12-07T07:00:00Z"), ZoneOffset.UTC);
        Path laterFile = DemoClinicStart.clinic(dataDir, later)
                .write(dataDir.resolve("later.ndjson"))
                .file();

        // then it writes the same file, from the settings kept beside the data
        assertThat(Files.readString(dataDir.resolve(DemoClinicStart.SETTINGS))).contains("today=2026-11-30");
        assertThat(Files.readAllBytes(laterFile)).isEqualTo(Files.readAllBytes(firstFile));
        // and a fresh data directory starts from its own day
        Path other = Files.createDirectory(dataDir.resolve("other"));
        Path otherFile = DemoClinicStart.clinic(other, later)
                .write(other.resolve("demo.ndjson"))
                .file();
        assertThat(Files.mismatch(otherFile, firstFile)).isNotEqualTo(-1L);
    }
}
