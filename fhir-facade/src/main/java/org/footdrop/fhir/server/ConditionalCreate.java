package org.footdrop.fhir.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The one search a conditional create ({@code If-None-Exist}) may name here: {@code identifier=system|value}.
 * Anything else is refused rather than ignored, since ignoring it would create a duplicate.
 */
public final class ConditionalCreate {

    private ConditionalCreate() {}

    /** The identifier a conditional URL names, as {@code [system, value]}. */
    public static String[] identifier(String conditionalUrl) {
        String query = conditionalUrl.contains("?")
                ? conditionalUrl.substring(conditionalUrl.indexOf('?') + 1)
                : conditionalUrl;
        String prefix = "identifier=";
        if (!query.startsWith(prefix) || query.contains("&")) {
            throw Outcomes.unprocessable(null, "If-None-Exist supports only identifier=system|value; it was " + query);
        }
        String token;
        try {
            token = URLDecoder.decode(query.substring(prefix.length()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw Outcomes.unprocessable(
                    null, "The identifier is not percent-encoded correctly (" + malformed.getMessage() + ")");
        }
        int bar = token.indexOf('|');
        if (bar <= 0 || bar == token.length() - 1) {
            throw Outcomes.unprocessable(null, "If-None-Exist needs an identifier with a system: system|value");
        }
        return new String[] {token.substring(0, bar), token.substring(bar + 1)};
    }

    /** The value of the identifier a conditional URL names, which must be of {@code system}. */
    public static String identifierValue(String conditionalUrl, String system) {
        String[] identifier = identifier(conditionalUrl);
        if (!system.equals(identifier[0])) {
            throw Outcomes.unprocessable(null, "The Patient is named by its identifier system " + system);
        }
        return identifier[1];
    }
}
