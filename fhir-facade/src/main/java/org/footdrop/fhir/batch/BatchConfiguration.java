package org.footdrop.fhir.batch;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration
class BatchConfiguration {

    static final String EXECUTOR = "batchLaneExecutor";

    /**
     * The threads that carry out batch entries, shared by all batches. Each takes the caller's
     * security context (its token goes on to the services) and trace with it.
     */
    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor batchLaneExecutor(@Value("${footdrop.fhir.batch.lanes:4}") int lanes) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(lanes);
        executor.setMaxPoolSize(lanes);
        executor.setThreadNamePrefix("fhir-batch-");
        executor.setTaskDecorator(new ContextPropagatingTaskDecorator());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        return executor;
    }
}
