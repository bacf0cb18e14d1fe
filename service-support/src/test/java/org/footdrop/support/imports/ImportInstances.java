package org.footdrop.support.imports;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.footdrop.support.record.ClinicalRecords;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Further instances of a service's importer for its tests, beside the application's own, each with
 * its own owner, import directory and clock: as other instances of the service over the same store.
 */
public final class ImportInstances {

    /** How long a silent instance's jobs stay its own. */
    public static final Duration LEASE = ImportJobs.LEASE;

    /** How long after its lease ran out a job whose runs are elsewhere is failed. */
    public static final Duration ABANDONED = ImportJobs.ABANDONED;

    /** The collection of the jobs. */
    public static final String JOBS = ImportJobs.JOBS;

    private ImportInstances() {}

    /** Built and started: it takes up at once what an instance starting then takes up. */
    public static Importer start(
            String owner,
            Path directory,
            Clock clock,
            int batchSize,
            List<ImportableKind<?, ?>> kinds,
            ClinicalRecords records,
            MongoTemplate mongo,
            JsonMapper json,
            Validator validator) {
        Importer importer = new Importer(
                kinds,
                records,
                new ImportJobs(mongo, clock, owner),
                json,
                validator,
                new ImportProperties(directory, null, batchSize, DataSize.ofMegabytes(1)),
                new SimpleMeterRegistry());
        importer.start();
        return importer;
    }
}
