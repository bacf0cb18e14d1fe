package org.footdrop.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import tools.jackson.databind.JsonNode;

/**
 * The token endpoint over real HTTP, and tokens checked the way the services check them. The issuer
 * is the compose one while the test calls localhost: tokens must carry the configured issuer
 * whatever host name the caller used.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"FOOTDROP_AUTH_ISSUER=http://authorization-server:9000", "FOOTDROP_AUTH_TOKEN_TTL=7m"})
class AuthorizationServerHttpTest {

    private static final String ISSUER = "http://authorization-server:9000";
    private static final Duration TTL = Duration.ofMinutes(7);

    @LocalServerPort
    int port;

    @Autowired
    RegisteredClientRepository clients;

    TokenClient client;

    @BeforeEach
    void client() {
        client = new TokenClient(port);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"clinical-writer", "clinician", "analyst", "ops", "admin"})
    void shouldIssueEachRoleAnRs256TokenForTheServicesWithItsRoleAsScope(String role) throws Exception {
        // given
        String secret = role + "-local-secret";

        // when
        HttpResponse<String> response = client.requestWithBasic(role, secret, null);

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie"))
                .as("no session for a client")
                .isEmpty();
        JsonNode body = TokenClient.json(response);
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("scope").asString()).isEqualTo(role);
        String token = body.get("access_token").asString();
        assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWTClaimsSet claims = client.verify(token);
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience())
                .containsExactly("intake-service", "treatment-service", "outcomes-service", "fhir-facade");
        assertThat(claims.getStringClaim("scope")).isEqualTo(role);
        assertThat(claims.getSubject()).isEqualTo(role);
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(TTL);
    }

    @Test
    void shouldAcceptTheSecretInTheFormAndAnExplicitOwnScope() throws Exception {
        // given
        String role = "ops";

        // when
        HttpResponse<String> post = client.requestWithPost(role, "ops-local-secret");
        HttpResponse<String> explicitScope = client.requestWithBasic(role, "ops-local-secret", "ops");

        // then
        assertThat(post.statusCode()).as(post.body()).isEqualTo(200);
        assertThat(client.verify(TokenClient.json(post).get("access_token").asString())
                        .getStringClaim("scope"))
                .isEqualTo("ops");
        assertThat(explicitScope.statusCode()).as(explicitScope.body()).isEqualTo(200);
        assertThat(TokenClient.json(explicitScope).get("scope").asString()).isEqualTo("ops");
    }

    @Test
    void shouldRejectAWrongSecretWith401() {
        // when
        HttpResponse<String> basic = client.requestWithBasic("admin", "analyst-local-secret", null);
        HttpResponse<String> post = client.requestWithPost("admin", "wrong");
        HttpResponse<String> unknown = client.requestWithBasic("billing", "billing-local-secret", null);

        // then
        for (HttpResponse<String> response : List.of(basic, post, unknown)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(TokenClient.json(response).get("error").asString()).isEqualTo("invalid_client");
        }
    }

    @Test
    void shouldRefuseAnotherRolesScopeWith400InvalidScope() {
        // when
        HttpResponse<String> analystAsAdmin = client.requestWithBasic("analyst", "analyst-local-secret", "admin");
        HttpResponse<String> opsWithMore = client.requestWithBasic("ops", "ops-local-secret", "ops clinician");

        // then
        for (HttpResponse<String> response : List.of(analystAsAdmin, opsWithMore)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(TokenClient.json(response).get("error").asString()).isEqualTo("invalid_scope");
        }
    }

    @Test
    void shouldPublishTheConfiguredIssuerAndTheGrantsInUseInTheDiscoveryDocument() {
        // when
        HttpResponse<String> response = client.get("/.well-known/oauth-authorization-server");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode metadata = TokenClient.json(response);
        assertThat(metadata.get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(metadata.get("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(metadata.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(metadata.get("grant_types_supported").values())
                .extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("client_credentials", "authorization_code", "refresh_token");
        assertThat(metadata.get("token_endpoint_auth_methods_supported").values())
                .extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("client_secret_basic", "client_secret_post");
    }

    @Test
    void shouldPublishOnlyThePublicHalfOfOneRsaSigningKey() {
        // when
        JsonNode keys = TokenClient.json(client.get("/oauth2/jwks")).get("keys");

        // then
        assertThat(keys.size()).isEqualTo(1);
        JsonNode key = keys.get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.get("alg").asString()).isEqualTo("RS256");
        assertThat(key.get("use").asString()).isEqualTo("sig");
        assertThat(key.has("d")).as("private exponent").isFalse();
    }

    @Test
    void shouldStoreClientSecretsOnlyAsBcryptHashes() {
        // when
        List<String> stored = AuthProperties.ROLES.stream()
                .map(role -> clients.findByClientId(role).getClientSecret())
                .toList();

        // then
        assertThat(stored)
                .allSatisfy(secret -> assertThat(secret).startsWith("{bcrypt}$2"))
                .noneSatisfy(secret -> assertThat(secret).contains("local-secret"));
    }

    @Test
    void shouldServeThePublicHealthProbesAndNoOtherActuatorEndpointDeviceFlowOrClientRegistration() {
        // when / then
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
            assertThat(client.get(path).statusCode()).as(path).isEqualTo(200);
        }
        for (String path : List.of(
                "/actuator",
                "/actuator/info",
                "/actuator/env",
                "/actuator/beans",
                "/oauth2/device_verification",
                "/connect/register",
                "/userinfo")) {
            assertThat(client.get(path).statusCode()).as(path).isIn(401, 403);
        }
        // the device flow and pushed authorization requests are POSTs: with a real client's credentials
        // they reach no endpoint of the server's (an endpoint would answer with an OAuth2 error, or 200)
        for (var request : Map.of(
                        "/oauth2/device_authorization",
                        Map.of("scope", "analyst"),
                        "/oauth2/par",
                        Map.of(
                                "response_type", "code",
                                "client_id", "analyst",
                                "redirect_uri", "http://localhost:8080/",
                                "scope", "analyst"))
                .entrySet()) {
            HttpResponse<String> answer =
                    client.postWithBasic(request.getKey(), request.getValue(), "analyst", "analyst-local-secret");
            assertThat(answer.statusCode()).as(request.getKey()).isIn(401, 403, 404);
            // (Spring Boot's own error page is allowed; an OAuth2 error code would mean an endpoint read it)
            assertThat(answer.body())
                    .as(request.getKey())
                    .doesNotContainPattern(
                            "\"error\"\\s*:\\s*\"(invalid_|unauthorized_client|unsupported_|access_denied)");
        }
        // and dynamic client registration, with a token of the most powerful client, creates no client
        String admin = TokenClient.json(client.requestWithBasic("admin", "admin-local-secret", null))
                .get("access_token")
                .asString();
        HttpResponse<String> registration = client.postJsonWithBearer(
                "/connect/register", "{\"redirect_uris\":[\"https://attacker.example/cb\"]}", admin);
        assertThat(registration.statusCode()).isIn(401, 403, 404);
        assertThat(registration.body()).doesNotContain("client_id");
    }

    @Test
    void shouldServeMetricsToTheOpsRoleOnlyLikeTheServices() {
        // given
        String ops = TokenClient.json(client.requestWithBasic("ops", "ops-local-secret", null))
                .get("access_token")
                .asString();
        String analyst = TokenClient.json(client.requestWithBasic("analyst", "analyst-local-secret", null))
                .get("access_token")
                .asString();

        // when
        HttpResponse<String> withOps = client.getWithBearer("/actuator/prometheus", ops);
        HttpResponse<String> withAnalyst = client.getWithBearer("/actuator/prometheus", analyst);
        HttpResponse<String> withoutToken = client.get("/actuator/prometheus");

        // then
        assertThat(withOps.statusCode()).isEqualTo(200);
        assertThat(withOps.body())
                .contains("footdrop_auth_login_failures_total{application=\"authorization-server\",reason=\"locked\"}")
                .contains("footdrop_auth_login_lockouts_total")
                .contains("http_server_requests_seconds_bucket");
        assertThat(withAnalyst.statusCode()).isEqualTo(403);
        assertThat(withoutToken.statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseTheAuthorizationCodeFlowToARoleClient() {
        // when
        HttpResponse<String> response = client.get("/oauth2/authorize?response_type=code&client_id=admin&scope=admin"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(TokenClient.json(response).get("error").asString()).isEqualTo("unauthorized_client");
    }
}
