package org.footdrop.outcomes.cohort;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.footdrop.support.web.ClinicalProblemException;
import org.footdrop.support.web.FieldProblem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The de-identified per-patient table, as NDJSON or CSV, paged by an opaque cursor. */
@RestController
class ExportController {

    static final int DEFAULT_PAGE = 500;
    static final int MAX_PAGE = 1000;
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final ExportIndex exports;
    private final CohortTable table;
    private final JsonMapper json;

    ExportController(ExportIndex exports, CohortTable table, JsonMapper json) {
        this.exports = exports;
        this.table = table;
        this.json = json;
    }

    @GetMapping("/api/v1/exports/patients")
    ResponseEntity<String> export(
            @RequestParam(defaultValue = "ndjson") String format,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE) int limit) {
        if (!format.equals("ndjson") && !format.equals("csv")) {
            throw ClinicalProblemException.invalid(List.of(new FieldProblem("format", "ndjson or csv")));
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw ClinicalProblemException.invalid(List.of(new FieldProblem("limit", "1.." + MAX_PAGE)));
        }
        if (cursor != null && !cursor.matches("[0-9a-f]{24}")) {
            throw ClinicalProblemException.invalid(
                    List.of(new FieldProblem("cursor", "not a cursor from this export")));
        }
        CohortTable.requireLoaded(table); // a page read from half the table would be missed for good by its cursor
        // One row more than asked tells whether a next page exists, so the last page has no next link.
        SortedMap<String, CohortRow> page = exports.page(cursor, limit + 1);
        boolean more = page.size() > limit;
        if (more) {
            page.remove(page.lastKey());
        }
        List<String> columns = ExportRows.columns();
        StringBuilder body = new StringBuilder();
        if (format.equals("csv")) {
            body.append(String.join(",", columns)).append('\n');
        }
        for (Map.Entry<String, CohortRow> row : page.entrySet()) {
            Map<String, Object> values = ExportRows.of(row.getKey(), row.getValue());
            body.append(format.equals("csv") ? ExportRows.csvLine(columns, values) : json.writeValueAsString(values))
                    .append('\n');
        }
        var response = ResponseEntity.ok().contentType(format.equals("csv") ? CSV : NDJSON);
        if (more) {
            String next = "/api/v1/exports/patients?format=" + format + "&limit=" + limit + "&cursor=" + page.lastKey();
            response.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return response.body(body.toString());
    }
}
