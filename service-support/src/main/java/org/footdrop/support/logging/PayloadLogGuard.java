package org.footdrop.support.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Marker;

/**
 * Keeps request bodies and stored documents out of the logs whatever the log levels: the loggers
 * below print them at DEBUG or TRACE (Spring MVC's body readers and writers and the exceptions
 * they resolve, MongoTemplate's queries and updates, the MongoDB driver's commands, the messaging
 * layers' messages), so their DEBUG and TRACE lines are dropped even when an operator turns DEBUG
 * on. INFO and above pass. Proven by LogPrivacySystemTest with every logger at DEBUG.
 */
public class PayloadLogGuard extends TurboFilter {

    static final List<String> PAYLOAD_LOGGERS = List.of(
            "org.springframework.web.servlet.mvc.method.annotation",
            "org.springframework.web.servlet.mvc.support",
            "org.springframework.web.servlet.handler",
            "org.springframework.web.method",
            "org.springframework.web.client",
            "org.springframework.http",
            "org.springframework.data.mongodb.core",
            "org.mongodb.driver.protocol",
            "org.springframework.kafka",
            "org.springframework.integration",
            "org.springframework.messaging",
            "org.springframework.cloud.stream",
            "org.springframework.cloud.function");

    /**
     * Each logger's answer, kept: the filter runs at every level check of every logger (the driver
     * asks whether DEBUG is on for each command), and loggers are few and named for good.
     */
    private final Map<String, FilterReply> belowInfo = new ConcurrentHashMap<>();

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == null || level.isGreaterOrEqual(Level.INFO)) {
            return FilterReply.NEUTRAL;
        }
        return belowInfo.computeIfAbsent(logger.getName(), PayloadLogGuard::replyBelowInfo);
    }

    private static FilterReply replyBelowInfo(String name) {
        for (String prefix : PAYLOAD_LOGGERS) {
            if (name.startsWith(prefix)) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
