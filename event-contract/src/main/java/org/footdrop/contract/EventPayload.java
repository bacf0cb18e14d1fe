package org.footdrop.contract;

import java.util.UUID;

/**
 * The payload of a clinical event. Every payload names the record it is about and that record's
 * revision: revision 1 is the first write, each amend the next one, and a void is final. Readers
 * keep the highest revision of each record, so amendments arriving out of order still converge. Implemented by the sealed {@code IntakePayload} and {@code TreatmentPayload}
 * (sealing across packages would need a named module).
 */
public interface EventPayload {

    /** The id of the clinical record (diagnosis, assessment, injection, therapy) the event is about. */
    UUID recordId();

    int revision();

    EventType eventType();

    /** Whether this event voids its record: final, the record counts nowhere from then on. */
    default boolean voidsRecord() {
        return eventType().voidsRecord();
    }
}
