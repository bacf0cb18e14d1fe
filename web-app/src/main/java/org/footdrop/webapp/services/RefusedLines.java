package org.footdrop.webapp.services;

import java.util.List;

/**
 * The first of a job's refused lines, each NDJSON as the service answers it.
 *
 * @param more whether the job refused more lines than these
 */
public record RefusedLines(List<String> lines, boolean more) {

    public RefusedLines {
        lines = List.copyOf(lines);
    }
}
