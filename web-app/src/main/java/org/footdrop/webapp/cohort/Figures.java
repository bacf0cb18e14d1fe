package org.footdrop.webapp.cohort;

import java.math.BigDecimal;
import java.math.RoundingMode;
import tools.jackson.databind.JsonNode;

/** Reading the API's numbers as they are, and rounding them for display only (the API rounds nothing). */
public final class Figures {

    private Figures() {}

    /** The field's value as the API wrote it, or null where absent (a figure that could not be computed). */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    /** A number rounded half up to {@code decimals} places for reading; null stays null. */
    static String rounded(String number, int decimals) {
        if (number == null) {
            return null;
        }
        return new BigDecimal(number).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** A proportion (0..1) as a percentage with one decimal, e.g. {@code 60.1}. */
    public static String percent(String proportion) {
        if (proportion == null) {
            return null;
        }
        return new BigDecimal(proportion)
                .movePointRight(2)
                .setScale(1, RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** A count beside the groups: an integer, or "fewer than the minimum" where the API suppressed it. */
    public record Count(String n, boolean suppressed) {

        static Count of(JsonNode node) {
            if (!node.isObject()) {
                return null;
            }
            boolean suppressed = node.path("suppressed").asBoolean();
            return new Count(suppressed ? null : text(node, "n"), suppressed);
        }
    }
}
