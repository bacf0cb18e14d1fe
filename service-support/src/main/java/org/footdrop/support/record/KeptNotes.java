package org.footdrop.support.record;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * An amend from a sender that cannot carry free text (the FHIR facade: notes stay in the service
 * that wrote them, ADR 0008) keeps the record's notes instead of erasing them. It says so with the
 * {@value #HEADER} header; each of its items without a note then takes the note of a stored item that
 * records the same fact, the first not taken yet, wherever the sender put it in its list.
 */
public final class KeptNotes {

    /** {@code Keep-Notes: true} on an amend: items sent without a note keep the stored one. */
    public static final String HEADER = "Keep-Notes";

    private KeptNotes() {}

    /**
     * @param sameFact whether a sent item and a stored item record the same fact
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
        List<S> notes = new ArrayList<>();
        if (stored != null) {
            stored.stream().filter(item -> storedNote.apply(item) != null).forEach(notes::add);
        }
        List<I> kept = new ArrayList<>(sent.size());
        for (I item : sent) {
            S before = sentNote.apply(item) != null
                    ? null
                    : notes.stream()
                            .filter(candidate -> sameFact.test(item, candidate))
                            .findFirst()
                            .orElse(null);
            if (before == null) {
                kept.add(item);
            } else {
                notes.remove(before); // each stored note goes to one sent item
                kept.add(withNote.apply(item, storedNote.apply(before)));
            }
        }
        return kept;
    }
}
