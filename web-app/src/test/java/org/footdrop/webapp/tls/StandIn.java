package org.footdrop.webapp.tls;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.footdrop.support.testing.TestCertificates;

/**
 * The authorization server's token, JWK set and userinfo endpoints and outcomes-service's data-quality list on one
 * HTTPS server, with a certificate signed by the test CA: what the web app reaches from inside, over TLS.
 * It issues tokens as our authorization server does (RS256; the access token's scope is the role, the ID
 * token's audience the web client) for one expected sign-in, and records how the API was called.
 */
final class StandIn {

    static final String CODE = "code-over-tls";
    static final String PATIENT_ID = "fd-pt-tls-1";
    private static final String CLIENT = "Basic "
            + Base64.getEncoder().encodeToString("clinic-web:clinic-web-local-secret".getBytes(StandardCharsets.UTF_8));

    private final RSAKey key = generate();
    private final String issuer;
    private final HttpsServer server;
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final List<String> apiAuthorizations = new CopyOnWriteArrayList<>();
    private volatile String accessToken;
    private volatile String idToken;
    private volatile String person;
    private volatile String role;

    StandIn(TestCertificates certificates, String issuer) {
        this.issuer = issuer;
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(certificates.serverContext()));
        server.createContext(
                "/oauth2/jwks", exchange -> answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/oauth2/token", this::token);
        server.createContext("/userinfo", this::userInfo);
        server.createContext("/api/v1/data-quality", this::dataQuality);
        server.start();
    }

    String baseUri() {
        return "https://localhost:" + server.getAddress().getPort();
    }

    /** The next code exchange answers tokens for this person, with the nonce of their authorization request. */
    void expectSignIn(String person, String role, String nonce) {
        this.person = person;
        this.role = role;
        Instant now = Instant.now();
        accessToken = sign(new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(person)
                .audience(List.of("intake-service", "treatment-service", "outcomes-service"))
                .claim("scope", role)
                .claim("client_id", "clinic-web")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .build());
        idToken = sign(new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(person)
                .audience("clinic-web")
                .claim("nonce", nonce)
                .claim("role", role)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .build());
    }

    String accessToken() {
        return accessToken;
    }

    int tokenRequests() {
        return tokenRequests.get();
    }

    List<String> apiAuthorizations() {
        return apiAuthorizations;
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean expected = "POST".equals(exchange.getRequestMethod())
                && CLIENT.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                && form.contains("grant_type=authorization_code")
                && form.contains("code=" + CODE)
                && form.contains("code_verifier=")
                && idToken != null;
        if (!expected) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        tokenRequests.incrementAndGet();
        answer(
                exchange,
                200,
                "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                        + "\"scope\":\"openid\",\"id_token\":\"" + idToken
                        + "\",\"refresh_token\":\"refresh-over-tls\"}");
    }

    /** The person's name and role, to their access token only. */
    private void userInfo(HttpExchange exchange) throws IOException {
        if (accessToken == null
                || !("Bearer " + accessToken)
                        .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"error\":\"invalid_token\"}");
            return;
        }
        answer(exchange, 200, "{\"sub\":\"" + person + "\",\"role\":\"" + role + "\"}");
    }

    private void dataQuality(HttpExchange exchange) throws IOException {
        apiAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        answer(
                exchange,
                200,
                "{\"asOf\":\"2026-11-30T08:00:00Z\",\"page\":1,\"totalPages\":1,\"next\":null,\"checks\":[{"
                        + "\"check\":\"MISSING_BASELINE\",\"meaning\":\"No baseline measurement\",\"count\":1,"
                        + "\"patientIds\":[\"" + PATIENT_ID + "\"],\"truncated\":false}]}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private String sign(JWTClaimsSet claims) {
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

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("stand-in").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
