package org.footdrop.outcomes.cohort;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.bson.Document;
import org.footdrop.outcomes.derivation.OutcomeDeriver;
import org.footdrop.outcomes.derivation.PatientDerived;
import org.footdrop.outcomes.derivation.PatientOutcome;
import org.footdrop.outcomes.projection.PatientFacts;
import org.footdrop.outcomes.projection.PatientOutcomeStore;
import org.footdrop.support.clinic.ClinicCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every patient's cohort row, in memory: the embedded store scans on any filter but {@code _id},
 * so cohort queries never touch it. Loaded from the store (not from this instance's partitions,
 * so instances agree), refreshed in batches by {@code _id} for patients whose events were just
 * applied, and reloaded daily because follow-up status moves with the calendar.
 */
@Component
public class CohortTable {

    private static final Logger log = LoggerFactory.getLogger(CohortTable.class);
    private static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final PatientOutcomeStore store;
    private final OutcomeDeriver deriver;
    private final ClinicCalendar calendar;
    private final Clock clock;
    private final ConcurrentHashMap<String, CohortRow> rows = new ConcurrentHashMap<>();
    /** The same rows by export id, in order, for cursor-paged exports. */
    private final ConcurrentSkipListMap<String, CohortRow> byExportId = new ConcurrentSkipListMap<>();

    private final ExportIds exportIds;
    private final ChangeLog changeLog;

    private final ApplicationEventPublisher events;
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;
    private final java.util.concurrent.atomic.AtomicBoolean retryLoad = new java.util.concurrent.atomic.AtomicBoolean();

    public CohortTable(
            MongoTemplate mongo,
            PatientOutcomeStore store,
            OutcomeDeriver deriver,
            ClinicCalendar calendar,
            Clock clock,
            MeterRegistry meters,
            ApplicationEventPublisher events,
            ExportIds exportIds) {
        this.mongo = mongo;
        this.store = store;
        this.exportIds = exportIds;
        this.changeLog = new ChangeLog(mongo, clock);
        this.events = events;
        this.calendar = calendar;
        this.deriver = deriver;
        this.clock = clock;
        meters.gauge("footdrop.cohort.patients", rows, ConcurrentHashMap::size);
    }

    /** Called after an event of this patient was applied. */
    public void changed(String patientId) {
        changed.add(patientId);
    }

    Collection<CohortRow> rows() {
        return rows.values();
    }

    public boolean isLoaded() {
        return loaded;
    }

    /**
     * Loads in the background: readiness, patient reads and the projection never wait for it
     * (100k patients took about a minute here); cohort queries answer 503 until it is done.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void loadInBackground() {
        Thread loader = new Thread(this::reloadQuietly, "cohort-table-load");
        loader.setDaemon(true);
        loader.start();
    }

    @Scheduled(cron = "${footdrop.cohort.reload-cron:0 5 0 * * *}", zone = "${footdrop.clinic-zone:UTC}")
    public void reloadQuietly() {
        try {
            reload();
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

    /**
     * Reads every document, in batches by {@code _id} (the ids first, then {@code $in} of a batch):
     * one cursor over the whole collection makes the embedded store send replies larger than the
     * driver accepts.
     */
    public void reload() {
        LocalDate asOf = today();
        String collection = store.activeCollection();
        Query idsOnly = new Query();
        idsOnly.fields().include("_id");
        List<Object> ids = mongo.find(idsOnly, Document.class, collection).stream()
                .map(d -> d.get("_id"))
                .toList();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Object> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            mongo.find(Query.query(Criteria.where("_id").in(batch)), Document.class, collection)
                    .forEach(document -> put(document, asOf));
        }
        loaded = true;
        log.info("Cohort table loaded: {} patients from {}", ids.size(), collection);
    }

    @Scheduled(fixedDelayString = "${footdrop.cohort.refresh-interval:200ms}")
    public void refreshChanged() {
        if (changed.isEmpty()) {
            return;
        }
        List<String> batch = new ArrayList<>(BATCH);
        for (String patientId : changed) {
            batch.add(patientId);
            if (batch.size() == BATCH) {
                break;
            }
        }
        changed.removeAll(batch);
        try {
            load(batch);
            changeLog.append(batch); // so that other instances refresh these patients too
        } catch (RuntimeException e) {
            changed.addAll(batch); // the store is away: try these again on the next run
            throw e;
        }
    }

    /** Refreshes patients whose events other instances (or this one) applied. */
    @Scheduled(fixedDelayString = "${footdrop.cohort.follow-interval:500ms}")
    public void followOthers() {
        changeLog.follow(this::load);
    }

    private void load(List<String> patientIds) {
        LocalDate asOf = today();
        mongo.find(Query.query(Criteria.where("_id").in(patientIds)), Document.class, store.activeCollection())
                .forEach(document -> put(document, asOf));
    }

    /** Up to {@code limit} rows after the cursor, by export id. */
    java.util.SortedMap<String, CohortRow> page(String afterExportId, int limit) {
        var tail = afterExportId == null ? byExportId : byExportId.tailMap(afterExportId, false);
        java.util.TreeMap<String, CohortRow> page = new java.util.TreeMap<>();
        for (var entry : tail.entrySet()) {
            if (page.size() == limit) {
                break;
            }
            page.put(entry.getKey(), entry.getValue());
        }
        return page;
    }

    private void put(Document document, LocalDate asOf) {
        PatientFacts facts = PatientFacts.from(document);
        PatientOutcome outcome = deriver.derive(facts, asOf);
        CohortRow row = CohortRow.of(outcome);
        rows.put(facts.patientId(), row);
        byExportId.put(exportIds.of(facts.patientId()), row);
        events.publishEvent(new PatientDerived(facts, outcome));
    }

    LocalDate today() {
        return calendar.dateOf(clock.instant());
    }
}
