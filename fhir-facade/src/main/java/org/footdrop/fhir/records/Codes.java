package org.footdrop.fhir.records;

import java.util.List;
import java.util.Optional;
import org.footdrop.fhir.server.Outcomes;
import org.footdrop.fhir.terminology.Vocabulary;
import org.hl7.fhir.r4.model.Coding;
import tools.jackson.databind.JsonNode;

/** Codings of the project's closed vocabularies, read from a resource and written into one. */
public final class Codes {

    private Codes() {}

    /** The coding of a value as the own API answers it (the enum's name). */
    public static <E extends Enum<E>> Coding coding(Vocabulary<E> vocabulary, JsonNode value) {
        return vocabulary.coding(Enum.valueOf(vocabulary.values(), value.asString()));
    }

    /**
     * The value of our vocabulary these codings name, if any: refused when a coding of our system names
     * a code outside it.
     */
    public static <E extends Enum<E>> Optional<E> optional(
            Vocabulary<E> vocabulary, List<Coding> codings, String path) {
        for (Coding coding : codings) {
            if (vocabulary.url().equals(coding.getSystem())
                    && vocabulary.valueOf(coding).isEmpty()) {
                throw Outcomes.unprocessable(path, "Unknown code '" + coding.getCode() + "' in " + vocabulary.url());
            }
        }
        return codings.stream()
                .map(vocabulary::valueOf)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** As {@link #optional}, and refused when none names a value of ours. */
    public static <E extends Enum<E>> E required(Vocabulary<E> vocabulary, List<Coding> codings, String path) {
        return optional(vocabulary, codings, path)
                .orElseThrow(() -> Outcomes.unprocessable(path, "A coding from " + vocabulary.url() + " is required."));
    }
}
