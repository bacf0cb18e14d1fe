package org.footdrop.auth.federation;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.stream.Stream;
import org.footdrop.auth.AuthProperties;
import org.footdrop.auth.user.ExternalSignIn;
import org.footdrop.auth.user.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** The clinic's single sign-on, only when {@code footdrop.auth.federation.issuer-uri} is set (not blank). */
@Configuration(proxyBeanMethods = false)
@Conditional(FederationConfiguration.Configured.class)
class FederationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FederationConfiguration.class);

    @Bean
    Federation federation(FederationProperties properties, UserAccounts accounts, MeterRegistry meters) {
        log.info(
                "Single sign-on through {} ({}): user name from claim {}, role from claim {}{}",
                properties.issuerUri(),
                properties.name(),
                properties.userNameClaim(),
                properties.roleClaim(),
                properties.roleMapping().isEmpty() ? "" : " mapped by " + properties.roleMapping());
        return new Federation(
                new UpstreamRegistration(properties),
                new FederatedPeople(
                        properties,
                        // a local user's name, or a client's id (the sub of that client's tokens)
                        name -> Stream.concat(
                                        accounts.names().stream(),
                                        Stream.concat(
                                                AuthProperties.ROLES.stream(), Stream.of(AuthProperties.WEB_CLIENT_ID)))
                                .anyMatch(taken -> taken.equalsIgnoreCase(name)),
                        meters));
    }

    @Bean
    ExternalSignIn clinicSingleSignOn(FederationProperties properties) {
        return new ExternalSignIn(properties.name(), Federation.START + "/" + FederationProperties.REGISTRATION_ID);
    }

    static final class Configured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("footdrop.auth.federation.issuer-uri"));
        }
    }
}
