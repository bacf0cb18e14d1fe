package org.footdrop.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.Stream;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The stock in-memory store keeps every authorization it is given, forever: one per token issued,
 * so a long-running server with a small heap would fill up (Prometheus alone takes a token every
 * few minutes). Tokens are self-contained JWTs the services check on their own; the store serves
 * the authorization-code exchange, refresh, userinfo, logout, introspection and revocation, so it
 * can forget an authorization once the last of its codes and tokens has expired, and keeps at most
 * {@code capacity} of them (those that expire soonest go first).
 */
final class ExpiringAuthorizationService implements OAuth2AuthorizationService {

    /** An authorization holding no code or token yet (a request waiting for its code): kept this long. */
    static final Duration IN_PROGRESS = Duration.ofMinutes(10);

    private final InMemoryOAuth2AuthorizationService delegate = new InMemoryOAuth2AuthorizationService();
    // All guarded by this. The queue may hold stale entries for an authorization saved again (a code
    // exchanged for tokens, a refresh): an entry counts only while it is the one in `kept`.
    private final Map<String, Kept> kept = new HashMap<>();
    private final PriorityQueue<Kept> byExpiry =
            new PriorityQueue<>(Comparator.comparing(Kept::expiresAt).thenComparingLong(Kept::sequence));
    private final Clock clock;
    private final int capacity;
    private long sequence;

    ExpiringAuthorizationService(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public synchronized void save(OAuth2Authorization authorization) {
        delegate.save(authorization);
        Kept entry = new Kept(authorization, expiresAt(authorization, clock.instant()), sequence++);
        kept.put(authorization.getId(), entry);
        byExpiry.add(entry);
        forgetExpiredAndOverflow();
    }

    @Override
    public synchronized void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
        kept.remove(authorization.getId());
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
        return kept.size();
    }

    private void forgetExpiredAndOverflow() {
        Instant now = clock.instant();
        while (!byExpiry.isEmpty()) {
            Kept head = byExpiry.peek();
            if (kept.get(head.authorization().getId()) != head) {
                byExpiry.poll(); // saved again since, or removed
            } else if (kept.size() > capacity || !head.expiresAt().isAfter(now)) {
                byExpiry.poll();
                kept.remove(head.authorization().getId());
                delegate.remove(head.authorization());
            } else {
                return;
            }
        }
    }

    /** The latest expiry of anything the authorization still holds that a client could present. */
    private static Instant expiresAt(OAuth2Authorization authorization, Instant now) {
        return Stream.of(
                        authorization.getToken(OAuth2AccessToken.class),
                        authorization.getToken(OAuth2RefreshToken.class),
                        authorization.getToken(OAuth2AuthorizationCode.class),
                        authorization.getToken(OidcIdToken.class))
                .filter(token -> token != null)
                .map(OAuth2Authorization.Token::getToken)
                .map(OAuth2Token::getExpiresAt)
                .filter(expiresAt -> expiresAt != null)
                .max(Comparator.naturalOrder())
                .orElse(now.plus(IN_PROGRESS));
    }

    private record Kept(OAuth2Authorization authorization, Instant expiresAt, long sequence) {}
}
