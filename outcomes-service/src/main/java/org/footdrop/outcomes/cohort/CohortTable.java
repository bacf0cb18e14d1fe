package org.footdrop.outcomes.cohort;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;
import org.footdrop.outcomes.derivation.OutcomeDeriver;
import org.footdrop.outcomes.derivation.PatientDerived;
import org.footdrop.outcomes.derivation.PatientOutcome;
import org.footdrop.outcomes.derivation.PatientRemoved;
import org.footdrop.outcomes.projection.PatientFacts;
import org.footdrop.outcomes.projection.PatientOutcomeStore;
import org.footdrop.support.clinic.ClinicCalendar;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Every patient's cohort row, in memory: the embedded store scans on any filter but {@code _id},
 * so cohort queries never touch it. Loaded from the store (not from this instance's partitions,
 * so instances agree) and refreshed in batches by {@code _id} for patients whose events were
 * applied, here or elsewhere ({@link ChangeLog}); {@link CohortTableSchedule} says when. Each
 * patient derived is announced ({@code PatientDerived}) to whatever else keeps a view of every
 * patient, and its row handed to the {@link ExportIndex}.
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
    private final ExportIndex exports;
    private final ChangeLog changeLog;

    private final ApplicationEventPublisher events;
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;
    /** One reload at a time: two at once could each remove what the other just read. */
    private final ReentrantLock reloading = new ReentrantLock();
    /**
     * While a reload runs, the patients refreshed meanwhile: the reload may put a row it read before
     * their change after the refresh put the changed one, so they are read again once it ends.
     */
    private volatile Set<String> refreshedDuringReload;

    public CohortTable(
            MongoTemplate mongo,
            PatientOutcomeStore store,
            OutcomeDeriver deriver,
            ClinicCalendar calendar,
            Clock clock,
            MeterRegistry meters,
            ApplicationEventPublisher events,
            ChangeLog changeLog,
            ExportIndex exports) {
        this.mongo = mongo;
        this.store = store;
        this.exports = exports;
        this.changeLog = changeLog;
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
     * Refuses (503) a read of figures drawn from the table while it is still loading: a part of the
     * patients would be answered as if it were all of them.
     */
    public static void requireLoaded(CohortTable table) {
        if (!table.isLoaded()) {
            throw new ClinicalProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemTypes.UNAVAILABLE,
                    "The cohort table is still loading; retry shortly",
                    List.of());
        }
    }

    /**
     * Reads every document, in batches by {@code _id} (the ids first, then {@code $in} of a batch):
     * one cursor over the whole collection makes the embedded store send replies larger than the
     * driver accepts. Patients no longer in the collection (a rebuild left them out) leave the table.
     */
    public void reload() {
        Set<String> refreshed = ConcurrentHashMap.newKeySet();
        reloading.lock(); // a second one waits, then reads everything again itself
        try {
            refreshedDuringReload = refreshed;
            LocalDate asOf = today();
            String collection = store.activeCollection();
            Query idsOnly = new Query();
            idsOnly.fields().include("_id");
            List<Object> ids = mongo.find(idsOnly, Document.class, collection).stream()
                    .map(d -> d.get("_id"))
                    .toList();
            int underivable = 0;
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<Object> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
                for (Document document :
                        mongo.find(Query.query(Criteria.where("_id").in(batch)), Document.class, collection)) {
                    underivable += put(document, asOf) ? 0 : 1;
                }
            }
            loaded = true;
            int removed = removeAbsent(new HashSet<>(ids), collection);
            refreshedDuringReload = null;
            if (!refreshed.isEmpty()) {
                List<String> again = List.copyOf(refreshed);
                for (int from = 0; from < again.size(); from += BATCH) {
                    load(again.subList(from, Math.min(again.size(), from + BATCH)));
                }
            }
            log.info(
                    "Cohort table loaded: {} patients from {}, {} no longer there, {} not derivable, {} read again",
                    ids.size(),
                    collection,
                    removed,
                    underivable,
                    refreshed.size());
        } finally {
            refreshedDuringReload = null;
            reloading.unlock();
        }
    }

    /**
     * Removes the rows of patients missing from the ids read, once the store confirms they are still
     * missing: one that arrived after the ids were read stays.
     */
    private int removeAbsent(Set<Object> present, String collection) {
        List<String> absent =
                rows.keySet().stream().filter(id -> !present.contains(id)).toList();
        int removed = 0;
        for (int from = 0; from < absent.size(); from += BATCH) {
            List<String> batch = absent.subList(from, Math.min(absent.size(), from + BATCH));
            Query idsOnly = Query.query(Criteria.where("_id").in(batch));
            idsOnly.fields().include("_id");
            Set<Object> arrived = new HashSet<>();
            mongo.find(idsOnly, Document.class, collection).forEach(d -> arrived.add(d.get("_id")));
            for (String patientId : batch) {
                if (!arrived.contains(patientId) && rows.remove(patientId) != null) {
                    exports.remove(patientId);
                    events.publishEvent(new PatientRemoved(patientId));
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Reloads the patients whose events were applied here since the last call, and tells the others. */
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

    /**
     * Refreshes patients whose events other instances (or this one) applied.
     *
     * @return false when this instance fell so far behind the change log that it lost track: every
     *     patient must be read again ({@link #reload})
     */
    public boolean followOthers() {
        return changeLog.follow(this::load);
    }

    private void load(List<String> patientIds) {
        Set<String> duringReload = refreshedDuringReload;
        if (duringReload != null) {
            duringReload.addAll(patientIds); // before reading: a reload's older read may be put after this one
        }
        LocalDate asOf = today();
        for (Document document : mongo.find(
                Query.query(Criteria.where("_id").in(patientIds)), Document.class, store.activeCollection())) {
            put(document, asOf);
        }
    }

    /**
     * Derives one patient's row; false when the document cannot be derived (changed by hand, say),
     * which leaves that patient's row as it was rather than stopping the load of every other.
     */
    private boolean put(Document document, LocalDate asOf) {
        PatientFacts facts;
        PatientOutcome outcome;
        try {
            facts = PatientFacts.from(document);
            outcome = deriver.derive(facts, asOf);
        } catch (RuntimeException underivable) {
            // the id and the reason's class: the message may quote clinical values
            log.warn(
                    "Patient {} not derivable, cohort row left as it was: {}",
                    document.get("_id"),
                    underivable.getClass().getName());
            return false;
        }
        CohortRow row = CohortRow.of(outcome);
        rows.put(facts.patientId(), row);
        exports.put(facts.patientId(), row);
        events.publishEvent(new PatientDerived(facts, outcome));
        return true;
    }

    LocalDate today() {
        return calendar.dateOf(clock.instant());
    }
}
