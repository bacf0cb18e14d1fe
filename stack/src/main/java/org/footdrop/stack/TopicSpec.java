package org.footdrop.stack;

import java.util.List;

/** A topic the system expects to exist before any service starts. */
public record TopicSpec(String name, int partitions) {

    /** One topic per producing service plus the outcomes DLQ; all keep records forever. */
    public static List<TopicSpec> standard() {
        return List.of(
                new TopicSpec("intake.events.v1", 6),
                new TopicSpec("treatment.events.v1", 6),
                new TopicSpec("outcomes.dlq.v1", 6));
    }
}
