package org.footdrop.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a JFR recording's execution samples say: the share of samples by component (the first
 * frame, from the top, outside the JDK) and the hottest methods by self time (top frame).
 */
record ProfileSummary(String process, long samples, Map<String, Long> byComponent, Map<String, Long> topMethods) {

    private static final Map<String, String> COMPONENTS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("org.h2.", "H2 MVStore (the embedded store's disk backend)");
        COMPONENTS.put("de.bwaldvogel.", "mongo-java-server (query and update engine)");
        COMPONENTS.put("io.netty.", "Netty (wire I/O)");
        COMPONENTS.put("org.apache.kafka.", "Kafka (client or broker)");
        COMPONENTS.put("kafka.", "Kafka (client or broker)");
        COMPONENTS.put("scala.", "Kafka (client or broker)");
        COMPONENTS.put("com.mongodb.", "MongoDB driver and BSON");
        COMPONENTS.put("org.bson.", "MongoDB driver and BSON");
        COMPONENTS.put("tools.jackson.", "Jackson (JSON)");
        COMPONENTS.put("com.fasterxml.", "Jackson (JSON)");
        COMPONENTS.put("com.networknt.", "JSON Schema validation");
        COMPONENTS.put("org.footdrop.", "footdrop code (projection, cohort table, harness)");
        COMPONENTS.put("org.springframework.", "Spring (Kafka listener, Data MongoDB, web)");
        COMPONENTS.put("io.micrometer.", "Micrometer and tracing");
        COMPONENTS.put("io.opentelemetry.", "Micrometer and tracing");
        COMPONENTS.put("org.apache.catalina.", "Tomcat (HTTP)");
        COMPONENTS.put("org.apache.coyote.", "Tomcat (HTTP)");
        COMPONENTS.put("org.apache.tomcat.", "Tomcat (HTTP)");
        COMPONENTS.put("ch.qos.logback.", "Logging");
    }

    static ProfileSummary of(String process, Path recording) throws IOException {
        Map<String, Long> byComponent = new HashMap<>();
        Map<String, Long> byMethod = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            RecordedFrame top = frames.get(0);
            byMethod.merge(
                    top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1L, Long::sum);
            byComponent.merge(component(frames), 1L, Long::sum);
        }
        return new ProfileSummary(process, samples, sorted(byComponent, 12), sorted(byMethod, 12));
    }

    private static String component(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> c : COMPONENTS.entrySet()) {
                if (type.startsWith(c.getKey())) {
                    return c.getValue();
                }
            }
            if (!(type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun."))) {
                return "other: " + type.replaceAll("\\.[^.]*$", "");
            }
        }
        return "JDK only (I/O, collections, GC-visible code)";
    }

    private static Map<String, Long> sorted(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
