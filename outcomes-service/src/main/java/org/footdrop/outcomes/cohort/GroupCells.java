package org.footdrop.outcomes.cohort;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.footdrop.contract.intake.Measure;
import org.footdrop.outcomes.derivation.Window;
import org.footdrop.outcomes.statistics.KaplanMeier;

/**
 * One group's values for every measure and window, gathered while the report reads the table once:
 * per cell the changes and the responders, per measure the packed times to response. The figures
 * are then computed from these arrays, never by scanning the rows again.
 */
final class GroupCells {

    private static final int SLOTS = CohortRow.MEASURES * CohortRow.WINDOWS;

    private final double[][] changes = new double[SLOTS][];
    private final int[] sizes = new int[SLOTS];
    private final int[] responders = new int[SLOTS];
    private final int[][] times = new int[CohortRow.MEASURES][];
    private final int[] timeSizes = new int[CohortRow.MEASURES];
    private int n;

    /** Every measure at every window, and every measure's time to response, for one group. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReportGroup(Map<String, String> group, boolean suppressed, Integer n, Map<String, MeasureReport> measures) {}

    record MeasureReport(
            Map<Window, CohortStatistics.WindowFigures> windows,
            CohortStatistics.TimeToResponseSummary timeToResponse) {}

    void add(CohortRow row) {
        n++;
        byte[] flags = row.flags();
        for (int slot = 0; slot < SLOTS; slot++) {
            if ((flags[slot] & CohortRow.HAS_CHANGE) != 0) {
                changes[slot] = append(changes[slot], sizes[slot]++, row.change()[slot]);
                responders[slot] += (flags[slot] & CohortRow.RESPONDER) != 0 ? 1 : 0;
            }
        }
        int[] packed = row.timeToResponse();
        for (int measure = 0; measure < CohortRow.MEASURES; measure++) {
            if (packed[measure] != CohortRow.EXCLUDED) {
                times[measure] = append(times[measure], timeSizes[measure]++, packed[measure]);
            }
        }
    }

    ReportGroup report(Map<String, String> label, int minimum) {
        if (n < minimum) {
            return new ReportGroup(label, true, null, null);
        }
        // The measures are independent: computed side by side on the machine's cores, kept in order.
        List<MeasureReport> reports =
                Arrays.stream(Measure.values()).parallel().map(this::measure).toList();
        Map<String, MeasureReport> measures = new LinkedHashMap<>();
        for (Measure measure : Measure.values()) {
            measures.put(measure.wireName(), reports.get(measure.ordinal()));
        }
        return new ReportGroup(label, false, n, measures);
    }

    private MeasureReport measure(Measure measure) {
        Map<Window, CohortStatistics.WindowFigures> windows = new EnumMap<>(Window.class);
        for (Window window : Window.values()) {
            int slot = CohortRow.slot(measure, window);
            double[] values = changes[slot] == null ? new double[0] : Arrays.copyOf(changes[slot], sizes[slot]);
            windows.put(window, CohortStatistics.figures(measure, values, responders[slot]));
        }
        return new MeasureReport(windows, timeToResponse(measure));
    }

    private CohortStatistics.TimeToResponseSummary timeToResponse(Measure measure) {
        int i = measure.ordinal();
        List<KaplanMeier.Observation> observations = new ArrayList<>(timeSizes[i]);
        for (int k = 0; k < timeSizes[i]; k++) {
            observations.add(CohortStatistics.observation(times[i][k]));
        }
        return CohortStatistics.summary(observations.size(), KaplanMeier.estimate(observations));
    }

    private static double[] append(double[] values, int size, double value) {
        double[] grown =
                values == null ? new double[16] : size == values.length ? Arrays.copyOf(values, size * 2) : values;
        grown[size] = value;
        return grown;
    }

    private static int[] append(int[] values, int size, int value) {
        int[] grown = values == null ? new int[16] : size == values.length ? Arrays.copyOf(values, size * 2) : values;
        grown[size] = value;
        return grown;
    }
}
