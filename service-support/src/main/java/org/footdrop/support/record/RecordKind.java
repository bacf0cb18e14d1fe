package org.footdrop.support.record;

import java.time.Instant;
import java.util.UUID;
import org.footdrop.contract.EventPayload;

/**
 * What one kind of clinical record (diagnosis, assessment, injection, therapy) needs in order to be
 * stored, corrected and published by {@link ClinicalRecords}: its collection, its state type and
 * the events of its life.
 *
 * @param <S> the record's clinical state, as the API accepts it
 */
public interface RecordKind<S> {

    /** Collection of the records, e.g. {@code diagnoses}. */
    String collection();

    /** Human name for problems, e.g. {@code Diagnosis}. */
    String label();

    /** The endpoint that creates it, scoping Idempotency-Keys, e.g. {@code POST /api/v1/diagnoses}. */
    String createEndpoint();

    /** The producing service, the events' {@code source}. */
    String source();

    Class<S> stateType();

    String patientId(S state);

    /** Clinical time of the record: the events' {@code occurredAt}. */
    Instant occurredAt(S state);

    EventPayload recorded(UUID id, S state);

    EventPayload amended(UUID id, int revision, S state);

    /** @param lastState the state the record had when it was voided */
    EventPayload voided(UUID id, int revision, S lastState);
}
