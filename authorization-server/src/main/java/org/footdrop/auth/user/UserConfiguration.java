package org.footdrop.auth.user;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.stream.Collectors;
import org.footdrop.auth.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class UserConfiguration {

    private static final Logger log = LoggerFactory.getLogger(UserConfiguration.class);

    /** People from configuration, fixed for the life of the process: nothing to persist, so in memory. */
    @Bean
    UserAccounts userAccounts(AuthProperties properties, PasswordEncoder encoder) {
        UserAccounts accounts = UserAccounts.from(properties, encoder);
        log.info(
                "Users (sign in through {}): {}",
                AuthProperties.WEB_CLIENT_ID,
                properties.users().entrySet().stream()
                        .map(user -> user.getKey() + " (" + user.getValue().role() + ")")
                        .collect(Collectors.joining(", ")));
        if (properties.usingLocalUsers()) {
            log.warn("Local default users (password <user>-password, public: for local use only) in use: configure "
                    + "footdrop.auth.users to replace them all");
        }
        return accounts;
    }

    @Bean
    ThrottledSignIn throttledSignIn(
            UserAccounts accounts, PasswordEncoder encoder, AuthProperties properties, MeterRegistry meters) {
        return new ThrottledSignIn(accounts, encoder, new LoginThrottle(Clock.systemUTC(), properties.login()), meters);
    }
}
