package org.footdrop.support.outbox;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sweepInterval how often the sweep looks for events left pending
 * @param sweepGrace how old a pending event must be before the sweep re-sends it; longer than a
 *        normal publish takes, so that under normal operation the sweep never sends anything twice
 * @param sweepBatch the most markers one sweep handles
 * @param queueCapacity events held in memory for the publisher; beyond it the sweep picks them up
 */
@ConfigurationProperties("footdrop.outbox")
public record OutboxProperties(Duration sweepInterval, Duration sweepGrace, Integer sweepBatch, Integer queueCapacity) {

    public OutboxProperties {
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        sweepGrace = sweepGrace == null ? Duration.ofSeconds(15) : sweepGrace;
        sweepBatch = Objects.requireNonNullElse(sweepBatch, 500);
        queueCapacity = Objects.requireNonNullElse(queueCapacity, 10_000);
    }
}
