package org.footdrop.support.testing;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** A real HTTP client for tests that hands back every status instead of throwing. */
public final class Http {

    private final RestClient client;
    private final String base;

    /** A client with a token holding every role; the security matrix tests roles one by one. */
    public Http(int port) {
        this(port, TestTokens.allRoles());
    }

    /** A client sending this bearer token, or none when it is null. */
    public Http(int port, String token) {
        base = "http://localhost:" + port;
        client = RestClient.builder()
                .baseUrl(base)
                .defaultHeaders(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    public RestClient client() {
        return client;
    }

    public ResponseEntity<JsonNode> get(String path, Object... variables) {
        return client.get().uri(path, variables).retrieve().toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> send(String method, String path, String body, String... headers) {
        return request(method, path, body, headers).retrieve().toEntity(JsonNode.class);
    }

    /** A bulk import's file, NDJSON, posted as a clinical system uploads it. */
    public ResponseEntity<JsonNode> upload(String path, String ndjson) {
        return client.post()
                .uri(path)
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(ndjson)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    /** The same request, its answer as text whatever its media type (Prometheus, YAML, problem+json). */
    public ResponseEntity<String> sendForText(String method, String path, String body, String... headers) {
        return request(method, path, body, headers).retrieve().toEntity(String.class);
    }

    /** The service's metrics as Prometheus scrapes them (the token needs the ops role). */
    public String scrape() {
        return sendForText("GET", "/actuator/prometheus", null).getBody();
    }

    /** One series' value from {@link #scrape()}, 0 when the series does not exist yet. */
    public double sample(String series) {
        return scrape().lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst()
                .orElse(0);
    }

    /** Sends a path that is already percent-encoded exactly as given, without template expansion. */
    public ResponseEntity<String> sendEncoded(String method, String encodedPath, String body, String... headers) {
        return request(method, java.net.URI.create(base + encodedPath), body, headers)
                .retrieve()
                .toEntity(String.class);
    }

    private RestClient.RequestBodySpec request(String method, String path, String body, String... headers) {
        return withBody(
                client.method(org.springframework.http.HttpMethod.valueOf(method))
                        .uri(path),
                body,
                headers);
    }

    private RestClient.RequestBodySpec request(String method, java.net.URI uri, String body, String... headers) {
        return withBody(
                client.method(org.springframework.http.HttpMethod.valueOf(method))
                        .uri(uri),
                body,
                headers);
    }

    private static RestClient.RequestBodySpec withBody(
            RestClient.RequestBodySpec spec, String body, String... headers) {
        return spec.contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    for (int i = 0; i + 1 < headers.length; i += 2) {
                        if (headers[i + 1] != null) {
                            h.set(headers[i], headers[i + 1]);
                        }
                    }
                })
                .body(body == null ? "" : body);
    }
}
