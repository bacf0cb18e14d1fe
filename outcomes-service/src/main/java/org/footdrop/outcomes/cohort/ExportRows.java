package org.footdrop.outcomes.cohort;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.footdrop.contract.intake.Measure;
import org.footdrop.outcomes.derivation.Window;

/**
 * The de-identified per-patient table: the export id, the grouping dimensions and, per measure,
 * baseline, each window's change, responder flag and injections received, and time to response.
 * No patientId, no date (days are relative to day 0), no free text.
 */
final class ExportRows {

    private ExportRows() {}

    static List<String> columns() {
        List<String> columns = new ArrayList<>(List.of(
                "exportId",
                "ageBand",
                "sex",
                "causeCategory",
                "mechanism",
                "indexSide",
                "techniqueGroup",
                "solutionGroup",
                "adherence",
                "adjunctTherapy",
                "symptomDurationBand",
                "symptomDurationDays",
                "followUpStatus",
                "injections"));
        for (Measure measure : Measure.values()) {
            columns.add(measure.wireName() + ".baseline");
            for (Window window : Window.values()) {
                String prefix = measure.wireName() + "." + window.name();
                columns.addAll(List.of(prefix + ".change", prefix + ".responder", prefix + ".injectionsReceived"));
            }
            columns.addAll(List.of(measure.wireName() + ".timeToResponseDays", measure.wireName() + ".responded"));
        }
        return columns;
    }

    static Map<String, Object> of(String exportId, CohortRow row) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("exportId", exportId);
        values.put("ageBand", row.ageBand());
        values.put("sex", row.sex());
        values.put("causeCategory", row.cause());
        values.put("mechanism", row.mechanism());
        values.put("indexSide", row.indexSide());
        values.put("techniqueGroup", row.techniqueGroup());
        values.put("solutionGroup", row.solutionGroup());
        values.put("adherence", row.adherence());
        values.put(
                "adjunctTherapy",
                row.therapies().stream().map(Enum::name).sorted().collect(Collectors.joining("+")));
        values.put("symptomDurationBand", row.symptomDurationBand());
        values.put("symptomDurationDays", row.symptomDurationDays());
        values.put("followUpStatus", row.followUpStatus());
        values.put("injections", row.injections().size());
        for (Measure measure : Measure.values()) {
            double baseline = row.baseline()[measure.ordinal()];
            values.put(measure.wireName() + ".baseline", Double.isNaN(baseline) ? null : baseline);
            for (Window window : Window.values()) {
                int slot = CohortRow.slot(measure, window);
                String prefix = measure.wireName() + "." + window.name();
                boolean hasChange = (row.flags()[slot] & CohortRow.HAS_CHANGE) != 0;
                values.put(prefix + ".change", hasChange ? row.change()[slot] : null);
                values.put(prefix + ".responder", hasChange ? (row.flags()[slot] & CohortRow.RESPONDER) != 0 : null);
                values.put(prefix + ".injectionsReceived", row.injectionsReceived()[slot]);
            }
            int ttr = row.timeToResponse()[measure.ordinal()];
            values.put(
                    measure.wireName() + ".timeToResponseDays",
                    ttr == CohortRow.EXCLUDED ? null : ttr >= 0 ? ttr : -ttr - 1);
            values.put(measure.wireName() + ".responded", ttr == CohortRow.EXCLUDED ? null : ttr >= 0);
        }
        return values;
    }

    static String csvLine(List<String> columns, Map<String, Object> values) {
        return columns.stream().map(c -> csv(values.get(c))).collect(Collectors.joining(","));
    }

    private static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.matches("[A-Za-z0-9_.+-]*") ? text : '"' + text.replace("\"", "\"\"") + '"';
    }
}
