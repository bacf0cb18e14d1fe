package org.footdrop.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the services ask of the store: their MongoDB driver's command counts
 * ({@code mongodb_driver_commands_seconds_count}), per service, command and collection, read from
 * each one's metrics. The difference of two snapshots, divided by the requests answered in between,
 * is the store's work per request, which is what bounds ingest on a store with a fixed cost per
 * command. A bulk write is one command, whatever its documents.
 */
final class StoreCommands {

    static final String[] SERVICES = {"intake", "treatment", "outcomes"};
    private static final Pattern LINE = Pattern.compile("^mongodb_driver_commands_seconds_count\\{(.*)} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private StoreCommands() {}

    /** {@code service command collection} to the count so far. */
    static Map<String, Double> snapshot(BenchmarkStack stack) throws Exception {
        Map<String, Double> counts = new TreeMap<>();
        for (String service : SERVICES) {
            for (String line :
                    stack.get(service, "/actuator/prometheus", "ops").body().split("\n")) {
                Matcher m = LINE.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                Map<String, String> labels = new LinkedHashMap<>();
                Matcher l = LABEL.matcher(m.group(1));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
                String key = service + " " + labels.getOrDefault("command", "?") + " "
                        + labels.getOrDefault("collection", "-");
                counts.merge(key, Double.parseDouble(m.group(2)), Double::sum);
            }
        }
        return counts;
    }

    /** Commands per request between two snapshots, largest first, leaving out what rounds to 0.00. */
    static Map<String, Double> perRequest(Map<String, Double> before, Map<String, Double> after, long requests) {
        Map<String, Double> per = new LinkedHashMap<>();
        if (requests == 0) {
            return per;
        }
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0.0)) / requests))
                .filter(e -> e.getValue() >= 0.005)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> per.put(e.getKey(), e.getValue()));
        return per;
    }
}
