package org.footdrop.support.imports;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/** How imports go: lines by outcome and the size of each bulk write. */
final class ImportMetrics {

    private final MeterRegistry meters;
    private final DistributionSummary batches;

    ImportMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.batches = DistributionSummary.builder("footdrop.import.batch.records")
                .description("Records per bulk write of an import (one a kind of each batch)")
                .register(meters);
    }

    void linesRead(long lines) {
        meters.counter("footdrop.import.lines.read").increment(lines);
    }

    /** @param outcome accepted, already_present or refused */
    void line(String outcome) {
        meters.counter("footdrop.import.lines", "outcome", outcome).increment();
    }

    void batch(int records) {
        batches.record(records);
    }
}
