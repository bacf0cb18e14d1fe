package org.footdrop.outcomes.cohort;

import java.util.concurrent.atomic.AtomicBoolean;
import org.footdrop.outcomes.projection.ProjectionSwitched;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the cohort table loads and refreshes: in the background once the service is ready, the
 * changed patients every 200 ms, other instances' changes every 500 ms, and all of it again daily
 * (follow-up status moves with the calendar), and when another instance switched the projection to a
 * rebuilt collection; a failed load is retried every 10 s.
 */
@Component
class CohortTableSchedule {

    private static final Logger log = LoggerFactory.getLogger(CohortTableSchedule.class);

    private final CohortTable table;
    private final AtomicBoolean retryLoad = new AtomicBoolean();

    CohortTableSchedule(CohortTable table) {
        this.table = table;
    }

    /**
     * Readiness, patient reads and the projection never wait for the load (100k patients took about
     * a minute here); cohort queries answer 503 until it is done.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void loadInBackground() {
        Thread loader = new Thread(this::reloadQuietly, "cohort-table-load");
        loader.setDaemon(true);
        loader.start();
    }

    /** The rows were derived from the collection queries no longer read; in the background, as at start. */
    @EventListener
    public void reloadAfterSwitch(ProjectionSwitched switched) {
        log.info("Projection switched to {}: reloading the cohort table", switched.collection());
        loadInBackground();
    }

    @Scheduled(cron = "${footdrop.cohort.reload-cron:0 5 0 * * *}", zone = "${footdrop.clinic-zone:UTC}")
    public void reloadQuietly() {
        try {
            table.reload();
        } catch (RuntimeException e) {
            // Not fatal: cohort queries answer 503 until a load succeeds; patient reads never need it.
            log.warn("Cohort table not loaded, retrying in 10 s: {}", e.toString());
            retryLoad.set(true);
        }
    }

    @Scheduled(fixedDelay = 10_000, initialDelay = 10_000)
    public void retryLoadIfNeeded() {
        if (retryLoad.getAndSet(false)) {
            reloadQuietly();
        }
    }

    @Scheduled(fixedDelayString = "${footdrop.cohort.refresh-interval:200ms}")
    public void refreshChanged() {
        table.refreshChanged();
    }

    @Scheduled(fixedDelayString = "${footdrop.cohort.follow-interval:500ms}")
    public void followOthers() {
        if (!table.followOthers()) {
            log.warn("Fell behind the change log of other instances; reading every patient again");
            loadInBackground();
        }
    }
}
