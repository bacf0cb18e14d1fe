package org.footdrop.outcomes;

import java.time.Clock;
import org.footdrop.outcomes.derivation.OutcomeDefinitions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
@EnableConfigurationProperties(OutcomeDefinitions.class)
class OutcomesConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
