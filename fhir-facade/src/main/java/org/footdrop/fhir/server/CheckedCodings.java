package org.footdrop.fhir.server;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import org.hl7.fhir.validation.codesystem.CodingsObserver;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core validator's note of every coding it checked: a {@code CodingsObserver} keeps each one, with
 * the checked resource's whole element tree, for an IPS check this server does not run, and never lets
 * go of them (about 46 KB a resource here). HAPI 8.4 offers no way to clear it, so it is cleared through
 * the two private fields that hold it. Should a later HAPI move them, {@link #CLEARABLE} is false and
 * the pooled validator retires its validators early instead, as it did before.
 */
final class CheckedCodings {

    private static final Logger log = LoggerFactory.getLogger(CheckedCodings.class);

    private static final VarHandle OBSERVER = find(InstanceValidator.class, "codingObserver", CodingsObserver.class);
    private static final VarHandle SEEN = find(CodingsObserver.class, "list", List.class);

    /** Whether this HAPI keeps the notes where they can be cleared. */
    static final boolean CLEARABLE = OBSERVER != null && SEEN != null;

    private CheckedCodings() {}

    /** How many codings the validator has noted and still holds. */
    static int held(InstanceValidator validator) {
        return seen(validator).size();
    }

    static void clear(InstanceValidator validator) {
        seen(validator).clear();
    }

    private static List<?> seen(InstanceValidator validator) {
        if (!CLEARABLE) {
            throw new IllegalStateException("this HAPI keeps its checked codings elsewhere");
        }
        return (List<?>) SEEN.get(OBSERVER.get(validator));
    }

    private static VarHandle find(Class<?> owner, String field, Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findVarHandle(owner, field, type);
        } catch (ReflectiveOperationException | IllegalArgumentException | SecurityException e) {
            log.warn(
                    "{}.{} not found ({}): FHIR validators will be retired early",
                    owner.getSimpleName(),
                    field,
                    e.getClass().getSimpleName());
            return null;
        }
    }
}
