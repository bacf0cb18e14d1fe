package org.footdrop.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.footdrop.contract.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * Gets access tokens from the real authorization server with each role's client credentials (the
 * launcher's local defaults), and reuses each until shortly before it expires.
 */
public final class ClientCredentials {

    private record Token(String value, Instant renewAt) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI tokenUri;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public ClientCredentials(String issuer) {
        this.tokenUri = URI.create(issuer + "/oauth2/token");
    }

    /** A bearer token for the role's client, e.g. {@code clinical-writer}. */
    public String token(String role) {
        Token token = tokens.get(role);
        if (token == null || Instant.now().isAfter(token.renewAt())) {
            token = fetch(role);
            tokens.put(role, token);
        }
        return token.value();
    }

    private Token fetch(String role) {
        String basic = Base64.getEncoder()
                .encodeToString((role + ":" + LocalAuthorizationServer.localDefaultSecret(role))
                        .getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(tokenUri)
                            .header("Authorization", "Basic " + basic)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .timeout(Duration.ofSeconds(10))
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + role))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request for " + role + " answered " + response.statusCode());
            }
            JsonNode body = EventJson.mapper().readTree(response.body());
            long lifetime = body.get("expires_in").asLong();
            return new Token(body.get("access_token").asString(), Instant.now().plusSeconds(lifetime / 2));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("token request for " + role + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
