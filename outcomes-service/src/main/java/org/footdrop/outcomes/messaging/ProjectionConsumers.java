package org.footdrop.outcomes.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The functional consumers, one per source topic (bindings {@code <name>-in-0}). */
@Configuration
class ProjectionConsumers {

    @Bean
    Consumer<Message<byte[]>> projectIntakeEvents(EventProjection projection) {
        return projection::project;
    }

    @Bean
    Consumer<Message<byte[]>> projectTreatmentEvents(EventProjection projection) {
        return projection::project;
    }
}
