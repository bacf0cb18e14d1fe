package org.footdrop.auth;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser and the web app it talks to, over real HTTP: starts the authorization-code flow with
 * PKCE, fills in the sign-in form with its CSRF token, follows the redirects the way a browser does
 * (cookies kept, redirects within the authorization server followed) and stops where the browser
 * would return to the web app, with the code; then exchanges the code as the web app's server does.
 */
final class BrowserSignIn {

    static final String CLIENT_ID = "clinic-web";
    static final String CLIENT_SECRET = "clinic-web-local-secret";
    static final String REDIRECT_URI = "http://localhost:8080/login/oauth2/code/clinic";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final List<String> alsoFollowed;
    private final HttpClient browser;
    private final String verifier;
    private final String state;
    private final String nonce;

    BrowserSignIn(int port) {
        this(port, List.of());
    }

    /** Also follows redirects to {@code otherServers} (base URLs): another server the person signs in at. */
    BrowserSignIn(int port, List<String> otherServers) {
        this.baseUrl = "http://localhost:" + port;
        this.alsoFollowed = List.copyOf(otherServers);
        this.browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.verifier = random();
        this.state = random();
        this.nonce = random();
    }

    /** Where the browser ended up after posting the form: the web app with a code, or the form again. */
    record Landing(URI location, Map<String, String> query) {

        String code() {
            return query.get("code");
        }
    }

    String nonce() {
        return nonce;
    }

    /** The authorization request, as the web app sends the browser to it. */
    String authorizationRequest() {
        return "/oauth2/authorize?"
                + form(Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        CLIENT_ID,
                        "scope",
                        "openid",
                        "redirect_uri",
                        REDIRECT_URI,
                        "state",
                        state,
                        "nonce",
                        nonce,
                        "code_challenge",
                        challenge(verifier),
                        "code_challenge_method",
                        "S256"));
    }

    /** Opens the authorization request, is sent to the form, signs in and follows on. */
    Landing signIn(String userName, String password) {
        HttpResponse<String> form = follow(get(authorizationRequest()));
        return submit(form, userName, password);
    }

    /** Posts the form shown in {@code formPage} and follows the redirects from there. */
    Landing submit(HttpResponse<String> formPage, String userName, String password) {
        if (formPage.statusCode() != 200 || !formPage.uri().getPath().equals("/login")) {
            throw new AssertionError("expected the sign-in form, got " + formPage.statusCode() + " at " + formPage.uri()
                    + ": " + formPage.body());
        }
        Matcher csrf = CSRF.matcher(formPage.body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token in the form: " + formPage.body());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", userName);
        fields.put("password", password);
        fields.put("_csrf", csrf.group(1));
        // posted where the form came from: this server's, or another's the person signs in at
        HttpResponse<String> posted = send(HttpRequest.newBuilder(formPage.uri().resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
        HttpResponse<String> last = follow(posted);
        URI location = last.headers().firstValue("Location").map(URI::create).orElse(last.uri());
        return new Landing(location, query(location));
    }

    /** GET in the browser, as a page (Accept: text/html), without following redirects. */
    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).header("Accept", "text/html"));
    }

    /** Follows redirects within the authorization server (and the other servers); stops at one leaving them (the web app). */
    HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10; hops++) {
            if (current.statusCode() / 100 != 3) {
                return current;
            }
            URI next = current.uri()
                    .resolve(current.headers().firstValue("Location").orElseThrow());
            if (!next.toString().startsWith(baseUrl) && alsoFollowed.stream().noneMatch(next.toString()::startsWith)) {
                return current;
            }
            current = send(HttpRequest.newBuilder(next).header("Accept", "text/html"));
        }
        throw new AssertionError("too many redirects from " + response.uri());
    }

    /** The web app's server exchanging the code, with its secret and the PKCE verifier. */
    HttpResponse<String> exchange(String code) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "authorization_code");
        fields.put("code", code);
        fields.put("redirect_uri", REDIRECT_URI);
        fields.put("code_verifier", verifier);
        return tokenRequest(fields, CLIENT_SECRET);
    }

    HttpResponse<String> tokenRequest(Map<String, String> fields, String clientSecret) {
        String basic =
                Base64.getEncoder().encodeToString((CLIENT_ID + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    HttpResponse<String> withBearer(String path, String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json"));
    }

    String state() {
        return state;
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                query.put(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
