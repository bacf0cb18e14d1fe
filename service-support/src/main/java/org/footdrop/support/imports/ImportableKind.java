package org.footdrop.support.imports;

import java.util.List;
import java.util.Optional;
import org.footdrop.support.record.RecordKind;
import tools.jackson.databind.JsonNode;

/**
 * A kind of record a service imports: how its lines bind and sort, and, per job, the same rules
 * the per-record API applies. A service registers one bean per kind it owns; lines of kinds it
 * does not own are left to the service that does.
 *
 * @param <R> the per-record API's request type (the line's body)
 * @param <S> the record's stored state
 */
public interface ImportableKind<R, S> {

    /** The line's {@code kind}, e.g. {@code assessment}. */
    String name();

    /**
     * A patient's records are imported in this order, lowest first, and each batch is written kind
     * by kind in it: a rule of one kind may read the patient's records of a lower one (an assessment
     * its diagnoses' onset, a session its therapy), which are then stored. Only the patient's own
     * records are complete: patients are imported one after another, so a rule that reads another
     * patient's records sees only those of patients sorted before.
     */
    int rank();

    Class<R> requestType();

    RecordKind<S> recordKind();

    /** The record's clinical time as it sorts (ISO-8601 text from the body), or null. */
    String clinicalTime(JsonNode body);

    /**
     * A new importer: one for a job's new records, which may keep what it read (a patient's onset) while
     * the job runs, and one for each correction, which reads afresh. Cheap to make.
     */
    LineImporter<R, S> start();

    /**
     * The state a new record's line stores, without the rules: for a line the rules refuse whose key
     * is stored already. A file imported again is then compared with what it stored, not checked
     * against what happened since (a diagnosis voided later moves the onset an assessment was checked
     * against). Empty where the state cannot be had without the rules: such a line stays refused.
     */
    default Optional<S> asStored(ImportLine line, R request) {
        return Optional.empty();
    }

    /** The rules of one job's lines of this kind. */
    interface LineImporter<R, S> {

        /**
         * Reads ahead, in one query, what the rules of a batch of new records' lines will read for
         * each of them (each patient's diagnoses, say), before {@link #prepare} is called for each in
         * order. A correction's line is prepared alone, without it.
         */
        default void prefetch(List<ImportLine> lines) {}

        /**
         * The state the line's request stores, after the per-record API's domain rules (Bean
         * Validation has already passed); refused with the API's problem.
         */
        S prepare(ImportLine line, R request);
    }
}
