package org.footdrop.support.record;

import java.time.Clock;
import org.footdrop.contract.EventCodec;
import org.footdrop.support.outbox.OutboxConfiguration;
import org.footdrop.support.outbox.OutboxWriter;
import org.footdrop.support.outbox.TraceHeaders;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records engine, wherever a service has an outbox to write events to. Here rather than in the
 * outbox's configuration, so that records depend on the outbox and never the other way round.
 */
// By name: the engine never imports the web platform (the audit trail implements RecordAudit).
@AutoConfiguration(after = OutboxConfiguration.class, afterName = "org.footdrop.support.audit.AuditConfiguration")
@ConditionalOnBean(OutboxWriter.class)
public class RecordConfiguration {

    @Bean
    ClinicalRecords clinicalRecords(
            MongoTemplate mongo,
            OutboxWriter outboxWriter,
            EventCodec codec,
            JsonMapper json,
            Clock clock,
            TraceHeaders traceHeaders,
            RecordAudit audit) {
        return new ClinicalRecords(
                mongo, outboxWriter, new RecordEvents(codec, traceHeaders), new IdempotencyKeys(json), audit, clock);
    }
}
