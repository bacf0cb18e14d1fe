package org.footdrop.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class ExpiringAuthorizationServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock(T0);

    @Test
    void shouldFindAnAuthorizationUntilItsAccessTokenExpiresAndThenForgetIt() {
        // given
        ExpiringAuthorizationService store = new ExpiringAuthorizationService(clock, 100);
        OAuth2Authorization issued = authorization("token-1", T0);
        store.save(issued);

        // when
        OAuth2Authorization beforeExpiry = store.findByToken("token-1", OAuth2TokenType.ACCESS_TOKEN);
        clock.now = T0.plus(TTL);
        OAuth2Authorization atExpiry = store.findByToken("token-1", OAuth2TokenType.ACCESS_TOKEN);

        // then
        assertThat(beforeExpiry).isNotNull();
        assertThat(beforeExpiry.getId()).isEqualTo(issued.getId());
        assertThat(atExpiry).isNull();
        assertThat(store.size()).isZero();
    }

    @Test
    void shouldKeepAtMostItsCapacityDroppingTheOldestFirst() {
        // given
        ExpiringAuthorizationService store = new ExpiringAuthorizationService(clock, 3);

        // when
        for (int i = 1; i <= 5; i++) {
            store.save(authorization("token-" + i, T0));
        }

        // then
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.findByToken("token-2", OAuth2TokenType.ACCESS_TOKEN)).isNull();
        assertThat(store.findByToken("token-3", OAuth2TokenType.ACCESS_TOKEN)).isNotNull();
        assertThat(store.findByToken("token-5", OAuth2TokenType.ACCESS_TOKEN)).isNotNull();
    }

    @Test
    void shouldForgetARemovedAuthorization() {
        // given
        ExpiringAuthorizationService store = new ExpiringAuthorizationService(clock, 100);
        OAuth2Authorization issued = authorization("token-1", T0);
        store.save(issued);

        // when
        store.remove(issued);

        // then
        assertThat(store.findById(issued.getId())).isNull();
        assertThat(store.size()).isZero();
    }

    @Test
    void shouldKeepAnAuthorizationCodeUntilItExpiresThoughItHasNoAccessTokenYet() {
        // given a code issued to a person's browser, not yet exchanged
        ExpiringAuthorizationService store = new ExpiringAuthorizationService(clock, 100);
        OAuth2Authorization codeOnly = OAuth2Authorization.withRegisteredClient(client())
                .id("code-only")
                .principalName("local-clinician")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .token(new OAuth2AuthorizationCode("code-2", T0, T0.plus(Duration.ofMinutes(5))))
                .build();
        store.save(codeOnly);

        // when
        OAuth2Authorization beforeExpiry = store.findByToken("code-2", new OAuth2TokenType("code"));
        clock.now = T0.plus(Duration.ofMinutes(5));
        OAuth2Authorization atExpiry = store.findByToken("code-2", new OAuth2TokenType("code"));

        // then
        assertThat(beforeExpiry).isNotNull();
        assertThat(atExpiry).isNull();
    }

    @Test
    void shouldKeepAnAuthorizationSavedAgainWithARefreshTokenUntilTheRefreshTokenExpires() {
        // given a code exchanged for a 5-minute access token and an hour-long refresh token
        ExpiringAuthorizationService store = new ExpiringAuthorizationService(clock, 100);
        OAuth2Authorization issued = authorization("token-1", T0);
        store.save(issued);
        store.save(OAuth2Authorization.from(issued)
                .refreshToken(new OAuth2RefreshToken("refresh-1", T0, T0.plus(Duration.ofHours(1))))
                .build());

        // when
        clock.now = T0.plus(Duration.ofMinutes(30));
        OAuth2Authorization afterAccessTokenExpiry = store.findByToken("refresh-1", OAuth2TokenType.REFRESH_TOKEN);
        clock.now = T0.plus(Duration.ofHours(1));
        OAuth2Authorization afterRefreshTokenExpiry = store.findByToken("refresh-1", OAuth2TokenType.REFRESH_TOKEN);

        // then
        assertThat(afterAccessTokenExpiry).isNotNull();
        assertThat(afterRefreshTokenExpiry).isNull();
        assertThat(store.size()).isZero();
    }

    private static OAuth2Authorization authorization(String tokenValue, Instant issuedAt) {
        RegisteredClient client = client();
        OAuth2AccessToken token = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER, tokenValue, issuedAt, issuedAt.plus(TTL), Set.of("ops"));
        return OAuth2Authorization.withRegisteredClient(client)
                .principalName("ops")
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .authorizedScopes(Set.of("ops"))
                .accessToken(token)
                .build();
    }

    private static RegisteredClient client() {
        return RegisteredClient.withId("ops")
                .clientId("ops")
                .clientSecret("{noop}unused")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("ops")
                .build();
    }

    private static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
