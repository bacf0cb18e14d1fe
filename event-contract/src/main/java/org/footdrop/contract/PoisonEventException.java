package org.footdrop.contract;

/**
 * A record that can never be projected, whatever is retried: it belongs on the dead-letter topic
 * with {@link #reason()} in its headers. Never thrown for infrastructure failures.
 */
public class PoisonEventException extends RuntimeException {

    /** Why a record is poison; low-cardinality, so it can tag metrics and DLQ headers. */
    public enum Reason {
        UNPARSEABLE,
        UNKNOWN_TYPE,
        UNSUPPORTED_VERSION,
        INVALID,
        TOO_LARGE
    }

    private final Reason reason;

    public PoisonEventException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public PoisonEventException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
