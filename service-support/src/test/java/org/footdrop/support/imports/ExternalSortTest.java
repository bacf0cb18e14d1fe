package org.footdrop.support.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file larger than the memory budget sorts through several runs into one order. */
class ExternalSortTest {

    @TempDir
    Path directory;

    @Test
    void shouldMergeManyRunsIntoKeyThenLineOrder() throws Exception {
        Random random = new Random(7);
        List<ExternalSort.Entry> written = new ArrayList<>();
        ExternalSort sort = new ExternalSort(directory, 2_000); // a few dozen lines per run
        for (long number = 1; number <= 5_000; number++) {
            String key = "0b\u0001pt-" + random.nextInt(300) + "\u0001" + random.nextInt(50);
            String line = "{\"n\":" + number + ",\"text\":\"a\\tb\"}\t trailing tab";
            sort.add(key, number, line);
            written.add(new ExternalSort.Entry(key, number, line));
        }
        sort.finish();

        List<ExternalSort.Entry> merged = new ArrayList<>();
        try (ExternalSort.Merge merge = ExternalSort.merge(directory)) {
            merge.forEachRemaining(merged::add);
        }

        try (Stream<Path> runs = Files.list(directory)) {
            assertThat(runs.count()).isGreaterThan(10);
        }
        written.sort(ExternalSort.Entry.ORDER);
        assertThat(merged).isEqualTo(written);
    }

    @Test
    void shouldIgnoreARunCutOffWhileItWasWritten() throws Exception {
        ExternalSort sort = new ExternalSort(directory, 1_000_000);
        sort.add("b", 2, "{}");
        sort.add("a", 1, "{}");
        sort.finish();
        Files.writeString(directory.resolve("partial-run"), "z\t3\t{\"half\":");

        List<Long> numbers = new ArrayList<>();
        try (ExternalSort.Merge merge = ExternalSort.merge(directory)) {
            merge.forEachRemaining(entry -> numbers.add(entry.number()));
        }

        assertThat(numbers).containsExactly(1L, 2L);
    }

    @Test
    void shouldMergeNothingForAnEmptyFile() {
        new ExternalSort(directory, 1_000).finish();

        try (ExternalSort.Merge merge = ExternalSort.merge(directory)) {
            assertThat(merge.hasNext()).isFalse();
        }
    }
}
