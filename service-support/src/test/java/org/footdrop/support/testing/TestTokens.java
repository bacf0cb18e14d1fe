package org.footdrop.support.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.footdrop.support.security.Role;

/**
 * Signs test tokens the way the authorization server does, and serves their public key as a JWK
 * set over real HTTP, so the services validate them exactly as in production: signature from the
 * JWK set URI, then expiry, issuer and audience.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:9000";
    public static final List<String> AUDIENCES = List.of("intake-service", "treatment-service", "outcomes-service");

    private static final RSAKey KEY = generate("footdrop-test");
    /** Same key id as the real one, so only the signature gives it away. */
    private static final RSAKey FOREIGN_KEY = generate("footdrop-test");

    private static final HttpServer JWKS = serveJwks();

    private TestTokens() {}

    public static String jwksUri() {
        return "http://localhost:" + JWKS.getAddress().getPort() + "/oauth2/jwks";
    }

    /** The public JWK set the tokens verify against, for a test that serves it some other way (HTTPS). */
    public static String jwkSetJson() {
        return new JWKSet(KEY.toPublicJWK()).toString();
    }

    /** A valid token for a client holding these roles. */
    public static String forRoles(Role... roles) {
        return builder(roles).sign();
    }

    /** The client every functional test uses: all five roles, so only the matrix tests roles. */
    public static String allRoles() {
        return forRoles(Role.values());
    }

    public static Builder builder(Role... roles) {
        return new Builder(Arrays.stream(roles).map(Role::scope).collect(Collectors.joining(" ")));
    }

    public static final class Builder {
        private String scope;
        private String subject = "test-client";
        /** The client the token was issued to; null: the subject, as for a client-credentials token. */
        private String client;

        private String issuer = ISSUER;
        private List<String> audiences = AUDIENCES;
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofHours(2);
        private RSAKey key = KEY;

        private Builder(String scope) {
            this.scope = scope;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** A person's token, issued to this client (e.g. the web app's) for the subject. */
        public Builder client(String client) {
            this.client = client;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audiences(String... audiences) {
            this.audiences = List.of(audiences);
            return this;
        }

        /** Issued long enough ago to be past expiry and the validator's one-minute clock skew. */
        public Builder expired() {
            this.issuedAt = Instant.now().minus(Duration.ofMinutes(30));
            this.lifetime = Duration.ofMinutes(10);
            return this;
        }

        public Builder signedByForeignKey() {
            this.key = FOREIGN_KEY;
            return this;
        }

        public String sign() {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(subject)
                    .claim("client_id", client != null ? client : subject)
                    .audience(audiences)
                    .claim("scope", scope)
                    .issueTime(Date.from(issuedAt))
                    .notBeforeTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plus(lifetime)))
                    .jwtID(UUID.randomUUID().toString())
                    .build();
            try {
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(key.getKeyID())
                                .build(),
                        claims);
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serveJwks() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = jwkSetJson().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(null);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
