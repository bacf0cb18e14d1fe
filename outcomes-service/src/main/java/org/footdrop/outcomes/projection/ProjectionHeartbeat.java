package org.footdrop.outcomes.projection;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the projection settings every half second on a thread of its own. Not an {@code @Scheduled} task:
 * those share one thread with the cohort table's reloads, which take a minute at 100k patients, and
 * a heartbeat stalled behind one counts this instance as stopped in another instance's rebuild.
 */
@Component
class ProjectionHeartbeat implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionHeartbeat.class);

    private final ProjectionCollections collections;
    private ScheduledExecutorService thread;

    ProjectionHeartbeat(ProjectionCollections collections) {
        this.collections = collections;
    }

    @Override
    public synchronized void start() {
        thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread heartbeat = new Thread(task, "projection-heartbeat");
            heartbeat.setDaemon(true);
            return heartbeat;
        });
        // every half second: live events are refused once the last read is 2 s old
        thread.scheduleWithFixedDelay(this::beat, 0, 500, TimeUnit.MILLISECONDS);
    }

    /** Whatever goes wrong, the next beat comes: an exception escaping would end the schedule for good. */
    private void beat() {
        try {
            collections.refresh();
        } catch (Throwable e) { // an Error too: projection stops without the heartbeat
            log.error("Projection settings not read: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        thread.shutdownNow();
        thread = null;
    }

    /** Before the event listeners start, and stopped after them: they write only while it beats. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
