package org.footdrop.support.record;

import org.bson.Document;

/** The checks before a record's next revision: still active, and the revision the caller read. */
final class Revisions {

    private Revisions() {}

    static void requireActive(RecordKind<?> kind, Document current) {
        if (RecordDocuments.voided(current)) {
            throw new RecordRefusedException(
                    RecordRefusedException.Reason.VOIDED,
                    kind.label() + " " + current.getString("_id") + " was voided; a void is final");
        }
    }

    static void requireCurrent(Document current, int expected) {
        int revision = current.getInteger(RecordDocuments.REVISION);
        if (revision != expected) {
            throw new RecordRefusedException(
                    RecordRefusedException.Reason.STALE_REVISION,
                    "If-Match names revision " + expected + " but the record is at revision " + revision
                            + "; read it again before correcting it");
        }
    }

    /** Lost the compare-and-set to a concurrent writer of the same revision. */
    static RecordRefusedException overtaken(int expected) {
        return new RecordRefusedException(
                RecordRefusedException.Reason.STALE_REVISION,
                "Revision " + expected + " is no longer current; read the record again");
    }
}
