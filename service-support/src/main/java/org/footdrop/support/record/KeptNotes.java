package org.footdrop.support.record;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * An amend from a sender that cannot carry free text (the FHIR facade: notes stay in the service
 * that wrote them, ADR 0008) keeps the record's notes instead of erasing them. It says so with the
 * {@value #HEADER} header; each of its items without a note then takes the note of the stored item
 * at the same position, if that one records the same fact.
 */
public final class KeptNotes {

    /** {@code Keep-Notes: true} on an amend: items sent without a note keep the stored one. */
    public static final String HEADER = "Keep-Notes";

    private KeptNotes() {}

    /**
     * @param sameFact whether a sent item and the stored item at its position record the same fact
     * @param withNote the sent item carrying the stored item's note
     */
    public static <I, S> List<I> keep(
            List<I> sent,
            List<S> stored,
            Function<I, String> sentNote,
            Function<S, String> storedNote,
            BiPredicate<I, S> sameFact,
            BiFunction<I, String, I> withNote) {
        if (sent == null) {
            return null;
        }
        List<I> kept = new ArrayList<>(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            I item = sent.get(i);
            S before = stored != null && i < stored.size() ? stored.get(i) : null;
            boolean keeps = sentNote.apply(item) == null
                    && before != null
                    && storedNote.apply(before) != null
                    && sameFact.test(item, before);
            kept.add(keeps ? withNote.apply(item, storedNote.apply(before)) : item);
        }
        return kept;
    }
}
