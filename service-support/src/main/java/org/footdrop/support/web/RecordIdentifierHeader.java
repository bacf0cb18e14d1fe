package org.footdrop.support.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.footdrop.support.record.ExternalIdentifier;

/**
 * The clinic's own id for a record on a single create, {@code Record-Identifier: system|value}
 * (FHIR's token form): the record's external identifier, the same concept as a bulk import's line
 * key, from which the record's id derives. Sending it again with the same body answers the same
 * record; with another body it is refused (409).
 */
public final class RecordIdentifierHeader {

    public static final String HEADER = "Record-Identifier";

    /** A system (a URI or a short name, no '|') and a value of printable characters without spaces. */
    private static final Pattern FORM = Pattern.compile("([\\x21-\\x7B\\x7D\\x7E]{1,255})\\|([\\x21-\\x7E]{1,128})");

    private RecordIdentifierHeader() {}

    /** The identifier the header names, or null without one; 400 when it is not {@code system|value}. */
    public static ExternalIdentifier read(String header) {
        if (header == null) {
            return null;
        }
        Matcher matcher = FORM.matcher(header.trim());
        if (!matcher.matches()) {
            throw ClinicalProblemException.invalid(List.of(new FieldProblem(
                    HEADER, "header must be system|value (up to 255 and 128 printable characters, no spaces)")));
        }
        return new ExternalIdentifier(matcher.group(1), matcher.group(2));
    }
}
