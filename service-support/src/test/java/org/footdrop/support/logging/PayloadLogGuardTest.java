package org.footdrop.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

/** The guard's answers by logger and level, the same on every asking (they are kept per logger). */
class PayloadLogGuardTest {

    private final LoggerContext loggers = new LoggerContext();
    private final PayloadLogGuard guard = new PayloadLogGuard();

    @Test
    void dropsOnlyThePayloadLoggersLinesBelowInfo() {
        for (int asked = 0; asked < 2; asked++) {
            assertThat(reply("org.mongodb.driver.protocol.command", Level.DEBUG))
                    .isEqualTo(FilterReply.DENY);
            assertThat(reply("org.springframework.data.mongodb.core.MongoTemplate", Level.TRACE))
                    .isEqualTo(FilterReply.DENY);
            assertThat(reply("org.mongodb.driver.protocol.command", Level.INFO)).isEqualTo(FilterReply.NEUTRAL);
            assertThat(reply("org.mongodb.driver.protocol.command", Level.WARN)).isEqualTo(FilterReply.NEUTRAL);
            assertThat(reply("org.footdrop.support.imports.Importer", Level.DEBUG))
                    .isEqualTo(FilterReply.NEUTRAL);
            assertThat(reply("org.mongodb.driver.connection", Level.DEBUG)).isEqualTo(FilterReply.NEUTRAL);
        }
    }

    private FilterReply reply(String logger, Level level) {
        return guard.decide(null, loggers.getLogger(logger), level, "{}", null, null);
    }
}
