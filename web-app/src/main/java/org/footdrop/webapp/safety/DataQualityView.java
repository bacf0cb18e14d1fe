package org.footdrop.webapp.safety;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** One page of the data-quality checks with the patients each names, as outcomes-service answers it. */
public record DataQualityView(String asOf, int page, int totalPages, boolean hasNext, List<Check> checks) {

    public record Check(String check, String meaning, String count, List<String> patientIds, boolean truncated) {}

    /** A page number from the address: anything but 1..9999 is read as the first page. */
    static int page(String requested) {
        if (requested != null && requested.matches("[1-9][0-9]{0,3}")) {
            return Integer.parseInt(requested);
        }
        return 1;
    }

    static DataQualityView of(JsonNode answer) {
        List<Check> checks = new ArrayList<>();
        for (JsonNode c : answer.path("checks")) {
            List<String> ids = new ArrayList<>();
            for (JsonNode id : c.path("patientIds")) {
                ids.add(id.asString());
            }
            checks.add(new Check(
                    SafetyView.text(c, "check"),
                    SafetyView.text(c, "meaning"),
                    SafetyView.text(c, "count"),
                    ids,
                    c.path("truncated").asBoolean()));
        }
        JsonNode next = answer.path("next");
        return new DataQualityView(
                SafetyView.text(answer, "asOf"),
                answer.path("page").asInt(1),
                answer.path("totalPages").asInt(1),
                !(next.isMissingNode() || next.isNull()),
                checks);
    }
}
