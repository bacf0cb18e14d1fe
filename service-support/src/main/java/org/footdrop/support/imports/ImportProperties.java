package org.footdrop.support.imports;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Bulk imports ({@code footdrop.import.*}).
 *
 * @param directory where a job's sorted runs live until it is finished: keep it on a volume that
 *        survives a restart, or interrupted jobs cannot resume; it needs about the size of the files
 * @param maxFileSize the largest file accepted (the 64 KiB limit of single requests does not apply)
 * @param batchSize new records' lines per batch and checkpoint (a batch is written in one bulk write
 *        per kind it holds)
 * @param sortBudget how much of a file is sorted in memory at once, per job
 */
@ConfigurationProperties("footdrop.import")
public record ImportProperties(Path directory, DataSize maxFileSize, Integer batchSize, DataSize sortBudget) {

    public ImportProperties {
        directory = directory != null ? directory : Path.of(System.getProperty("java.io.tmpdir"), "footdrop-imports");
        maxFileSize = maxFileSize != null ? maxFileSize : DataSize.ofGigabytes(10);
        batchSize = batchSize != null ? batchSize : 500;
        sortBudget = sortBudget != null ? sortBudget : DataSize.ofMegabytes(32);
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("footdrop.import.batch-size must be within 1..10000");
        }
    }

    long sortBudgetChars() {
        return sortBudget.toBytes() / 2; // two bytes a char, as the JVM holds text
    }
}
