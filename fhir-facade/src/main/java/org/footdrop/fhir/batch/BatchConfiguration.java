package org.footdrop.fhir.batch;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.CompositeTaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

@Configuration
class BatchConfiguration {

    static final String EXECUTOR = "batchLaneExecutor";

    /**
     * The threads that carry out batch entries, shared by all batches. Each takes the caller's
     * security context (its token goes on to the services), its trace, and its request, to which
     * the patients an entry reads are noted for the request's audit record.
     */
    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor batchLaneExecutor(@Value("${footdrop.fhir.batch.lanes:4}") int lanes) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(lanes);
        executor.setMaxPoolSize(lanes);
        executor.setThreadNamePrefix("fhir-batch-");
        executor.setTaskDecorator(
                new CompositeTaskDecorator(List.of(new ContextPropagatingTaskDecorator(), withTheRequest())));
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        return executor;
    }

    /** The request itself, not a copy: what a lane notes on it reaches the request's audit record. */
    private static TaskDecorator withTheRequest() {
        return task -> {
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            return () -> {
                RequestContextHolder.setRequestAttributes(request);
                try {
                    task.run();
                } finally {
                    RequestContextHolder.resetRequestAttributes();
                }
            };
        };
    }
}
