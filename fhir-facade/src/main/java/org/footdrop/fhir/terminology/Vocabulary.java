package org.footdrop.fhir.terminology;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;

/**
 * One closed vocabulary of the project (an enum of the event contract) as a FHIR CodeSystem with a
 * stable canonical URL: the codes are the enum's names, so the contract stays their one owner.
 */
public record Vocabulary<E extends Enum<E>>(String id, String title, Class<E> values) {

    /** Where every CodeSystem, extension and identifier system of this project lives. */
    public static final String BASE = "https://footdrop.org/fhir";

    public String url() {
        return BASE + "/CodeSystem/" + id;
    }

    public Coding coding(E value) {
        return new Coding(url(), value.name(), display(value));
    }

    /** The value a coding names, empty when it is of another system or names no value of ours. */
    public Optional<E> valueOf(Coding coding) {
        if (coding == null || !url().equals(coding.getSystem())) {
            return Optional.empty();
        }
        return Arrays.stream(values.getEnumConstants())
                .filter(value -> value.name().equals(coding.getCode()))
                .findFirst();
    }

    public CodeSystem codeSystem() {
        CodeSystem system = new CodeSystem();
        system.setId(id);
        system.setUrl(url());
        system.setName(title.replaceAll("[^A-Za-z0-9]", ""));
        system.setTitle(title);
        system.setStatus(Enumerations.PublicationStatus.ACTIVE);
        system.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        system.setCaseSensitive(true);
        for (E value : values.getEnumConstants()) {
            system.addConcept().setCode(value.name()).setDisplay(display(value));
        }
        return system;
    }

    static String display(Enum<?> value) {
        String words = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
