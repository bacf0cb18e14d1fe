package org.footdrop.support;

import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventJson;
import org.footdrop.contract.EventSchemas;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The event codec every service reads and writes events with. {@code footdrop.events.max-bytes}
 * (64 KiB) is the largest event accepted; raising it lets dead-lettered TOO_LARGE records be re-driven.
 */
@AutoConfiguration
public class EventContractConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec(
            @Value("${footdrop.events.max-bytes:" + EventCodec.DEFAULT_MAX_EVENT_BYTES + "}") int maxBytes) {
        return new EventCodec(EventJson.mapper(), new EventSchemas(), maxBytes);
    }
}
