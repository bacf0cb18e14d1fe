package org.footdrop.outcomes;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class OutcomesConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
