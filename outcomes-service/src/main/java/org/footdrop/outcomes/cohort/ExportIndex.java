package org.footdrop.outcomes.cohort;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.springframework.stereotype.Component;

/** The cohort rows by export id, in order, for cursor-paged exports; kept by the cohort table. */
@Component
class ExportIndex {

    private final ExportIds exportIds;
    private final ConcurrentSkipListMap<String, CohortRow> byExportId = new ConcurrentSkipListMap<>();

    ExportIndex(ExportIds exportIds) {
        this.exportIds = exportIds;
    }

    void put(String patientId, CohortRow row) {
        byExportId.put(exportIds.of(patientId), row);
    }

    void remove(String patientId) {
        byExportId.remove(exportIds.of(patientId));
    }

    /** Up to {@code limit} rows after the cursor, by export id. */
    SortedMap<String, CohortRow> page(String afterExportId, int limit) {
        var tail = afterExportId == null ? byExportId : byExportId.tailMap(afterExportId, false);
        TreeMap<String, CohortRow> page = new TreeMap<>();
        for (var entry : tail.entrySet()) {
            if (page.size() == limit) {
                break;
            }
            page.put(entry.getKey(), entry.getValue());
        }
        return page;
    }
}
