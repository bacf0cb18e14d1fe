package org.footdrop.auth.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Path;
import java.time.Clock;
import org.footdrop.auth.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    /** Far above what the clients need within one token lifetime; bounds the heap if one misbehaves. */
    static final int MAX_KEPT_AUTHORIZATIONS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(TokenConfiguration.class);

    /** The one signing key; {@code /oauth2/jwks} publishes its public half. */
    @Bean
    JWKSource<SecurityContext> jwkSource(AuthProperties properties) {
        RSAKey key;
        if (properties.keyDir() == null) {
            key = SigningKeys.generate();
            log.info(
                    "Signing key {} generated in memory (set FOOTDROP_AUTH_KEY_DIR to keep it across restarts)",
                    key.getKeyID());
        } else {
            key = SigningKeys.loadOrCreate(Path.of(properties.keyDir()));
        }
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(AuthProperties properties) {
        return new TokenClaims(properties.audiences());
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new ExpiringAuthorizationService(Clock.systemUTC(), MAX_KEPT_AUTHORIZATIONS);
    }
}
