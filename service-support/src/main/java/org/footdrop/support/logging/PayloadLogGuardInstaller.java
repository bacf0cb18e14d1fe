package org.footdrop.support.logging;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Installs the {@link PayloadLogGuard} once Boot has configured logging (which replaces the
 * logging context's filters), before any bean can log.
 */
public class PayloadLogGuardInstaller implements ApplicationListener<ApplicationPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(PayloadLogGuard.class::isInstance)) {
            PayloadLogGuard guard = new PayloadLogGuard();
            guard.setName("payload-log-guard");
            guard.setContext(context);
            guard.start();
            context.addTurboFilter(guard);
        }
    }
}
