package org.footdrop.auth.token;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The stock in-memory store keeps every authorization it is given, forever: one per token issued,
 * so a long-running server with a small heap would fill up (Prometheus alone takes a token every
 * few minutes). Tokens are self-contained JWTs the services check on their own; the store only
 * serves introspection and revocation, so it can forget an authorization once its access token
 * has expired, and keeps at most {@code capacity} of them.
 */
final class ExpiringAuthorizationService implements OAuth2AuthorizationService {

    private final InMemoryOAuth2AuthorizationService delegate = new InMemoryOAuth2AuthorizationService();
    private final Deque<OAuth2Authorization> saved = new ArrayDeque<>(); // oldest first; guarded by this
    private final Clock clock;
    private final int capacity;

    ExpiringAuthorizationService(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public synchronized void save(OAuth2Authorization authorization) {
        delegate.save(authorization);
        saved.addLast(authorization);
        forgetExpiredAndOverflow();
    }

    @Override
    public synchronized void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
        saved.removeIf(kept -> kept.getId().equals(authorization.getId()));
    }

    @Override
    public synchronized OAuth2Authorization findById(String id) {
        forgetExpiredAndOverflow();
        return delegate.findById(id);
    }

    @Override
    public synchronized OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        forgetExpiredAndOverflow();
        return delegate.findByToken(token, tokenType);
    }

    synchronized int size() {
        return saved.size();
    }

    /** Every client's tokens live equally long, so saving order is expiry order: the oldest go first. */
    private void forgetExpiredAndOverflow() {
        Instant now = clock.instant();
        while (!saved.isEmpty() && (saved.size() > capacity || expired(saved.peekFirst(), now))) {
            delegate.remove(saved.removeFirst());
        }
    }

    private static boolean expired(OAuth2Authorization authorization, Instant now) {
        OAuth2Authorization.Token<OAuth2AccessToken> accessToken = authorization.getAccessToken();
        Instant expiresAt = accessToken == null ? null : accessToken.getToken().getExpiresAt();
        return expiresAt == null || !expiresAt.isAfter(now);
    }
}
