package org.footdrop.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.footdrop.support.security.Role;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint the application maps, checked against every role and every kind of bad token.
 * The endpoints come from the application's own handler mappings, so a new endpoint that is not
 * in the matrix fails {@link #shouldCoverEveryMappedEndpoint()}.
 */
public abstract class SecurityMatrixContract {

    @LocalServerPort
    protected int port;

    @Autowired
    ApplicationContext context;

    /** Who may call an endpoint: no one, anyone (no token needed), any role, or the roles listed. */
    public record Access(Set<Role> roles, boolean open, boolean closed) {

        public static Access role(Role role) {
            return new Access(EnumSet.of(role), false, false);
        }

        public static Access anyRole() {
            return new Access(EnumSet.allOf(Role.class), false, false);
        }

        public static Access everyone() {
            return new Access(EnumSet.allOf(Role.class), true, false);
        }

        /** Reachable only as the container's error dispatch, never called directly. */
        public static Access nobody() {
            return new Access(EnumSet.noneOf(Role.class), false, true);
        }
    }

    /** A concrete request that an allowed caller gets a success for. */
    public record Call(String method, String path, String body, int expectedStatus, List<String> headers) {

        public static Call get(String path) {
            return new Call("GET", path, null, 200, List.of());
        }

        public static Call send(String method, String path, String body, int expectedStatus, String... headers) {
            return new Call(method, path, body, expectedStatus, List.of(headers));
        }

        ResponseEntity<String> on(Http http) {
            return http.sendForText(method, path, body, headers.toArray(String[]::new));
        }
    }

    /** How to reach an endpoint: its access and how to build a successful call (setup client given). */
    public record Entry(Access access, Function<Http, Call> call) {}

    /** The service's own API endpoints, keyed {@code "METHOD /pattern"} as the handler mappings name them. */
    protected abstract Map<String, Entry> apiMatrix();

    private Map<String, Entry> matrix() {
        Map<String, Entry> matrix = new LinkedHashMap<>();
        matrix.put("GET /actuator", new Entry(Access.role(Role.OPS), http -> Call.get("/actuator")));
        matrix.put("GET /actuator/health", new Entry(Access.everyone(), http -> Call.get("/actuator/health")));
        matrix.put(
                "GET /actuator/health/**", new Entry(Access.everyone(), http -> Call.get("/actuator/health/liveness")));
        matrix.put("GET /actuator/info", new Entry(Access.role(Role.OPS), http -> Call.get("/actuator/info")));
        matrix.put(
                "GET /actuator/prometheus", new Entry(Access.role(Role.OPS), http -> Call.get("/actuator/prometheus")));
        matrix.put("GET /v3/api-docs", new Entry(Access.anyRole(), http -> Call.get("/v3/api-docs")));
        matrix.put("GET /v3/api-docs.yaml", new Entry(Access.anyRole(), http -> Call.get("/v3/api-docs.yaml")));
        matrix.put(
                "GET /v3/api-docs/swagger-config",
                new Entry(Access.anyRole(), http -> Call.get("/v3/api-docs/swagger-config")));
        matrix.put(
                "GET /swagger-ui.html",
                new Entry(Access.anyRole(), http -> Call.send("GET", "/swagger-ui.html", null, 302)));
        matrix.put("ANY /error", new Entry(Access.nobody(), http -> Call.get("/error")));
        matrix.putAll(apiMatrix());
        return matrix;
    }

    @Test
    void shouldCoverEveryMappedEndpoint() {
        Set<String> mapped = new TreeSet<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> mapped.addAll(keys(info))));

        assertThat(mapped)
                .as("endpoints the application maps vs the security matrix")
                .isEqualTo(new TreeSet<>(matrix().keySet()));
    }

    /**
     * The served OpenAPI document names, on each API operation, the one scope that this matrix
     * proves the operation needs, and documents exactly the API operations the matrix covers.
     */
    @Test
    void shouldDocumentTheScopeEveryOperationNeeds() {
        Map<String, List<String>> documented = new TreeMap<>();
        ServedOpenApi.fetch(new Http(port))
                .path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(operation -> documented.put(
                                operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                                operation
                                        .getValue()
                                        .path("security")
                                        .path(0)
                                        .path("oauth2")
                                        .valueStream()
                                        .map(JsonNode::asString)
                                        .toList())));
        Map<String, List<String>> proven = new TreeMap<>();
        apiMatrix()
                .forEach((endpoint, entry) -> proven.put(
                        endpoint,
                        entry.access().roles().stream().map(Role::scope).toList()));

        assertThat(documented)
                .as("scopes in the OpenAPI document vs the security matrix")
                .isEqualTo(proven);
    }

    @TestFactory
    Stream<DynamicTest> shouldLetEveryAllowedRoleThrough() {
        Http setup = new Http(port);
        List<DynamicTest> tests = new ArrayList<>();
        matrix().forEach((endpoint, entry) -> {
            for (Role role : entry.access().roles()) {
                tests.add(DynamicTest.dynamicTest(endpoint + " as " + role.scope(), () -> {
                    Call call = entry.call().apply(setup);
                    var response = call.on(new Http(port, TestTokens.forRoles(role)));
                    assertThat(response.getStatusCode().value())
                            .as("%s %s as %s: %s", call.method(), call.path(), role.scope(), response.getBody())
                            .isEqualTo(call.expectedStatus());
                }));
            }
            if (entry.access().open()) {
                tests.add(DynamicTest.dynamicTest(endpoint + " without a token", () -> {
                    Call call = entry.call().apply(setup);
                    assertThat(call.on(new Http(port, null)).getStatusCode().value())
                            .isEqualTo(call.expectedStatus());
                }));
            }
        });
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> shouldForbidEveryOtherRole() {
        Http setup = new Http(port);
        List<DynamicTest> tests = new ArrayList<>();
        matrix().forEach((endpoint, entry) -> {
            for (Role role : EnumSet.complementOf(
                    entry.access().roles().isEmpty()
                            ? EnumSet.noneOf(Role.class)
                            : EnumSet.copyOf(entry.access().roles()))) {
                tests.add(DynamicTest.dynamicTest(endpoint + " as " + role.scope(), () -> {
                    Call call = entry.call().apply(setup);
                    var response = call.on(new Http(port, TestTokens.forRoles(role)));
                    assertThat(response.getStatusCode())
                            .as("%s %s as %s", call.method(), call.path(), role.scope())
                            .isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(response.getHeaders()
                                    .getContentType()
                                    .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                            .isTrue();
                    assertThat(response.getBody()).contains("\"status\":403");
                }));
            }
        });
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> shouldTurnAwayMissingExpiredAndForeignTokens() {
        Map<String, String> badTokens = new LinkedHashMap<>();
        badTokens.put("no token", null);
        badTokens.put(
                "an expired token", TestTokens.builder(Role.values()).expired().sign());
        badTokens.put(
                "a foreign issuer's token",
                TestTokens.builder(Role.values())
                        .issuer("https://idp.example.org")
                        .sign());
        badTokens.put(
                "a token for another audience",
                TestTokens.builder(Role.values()).audiences("billing-service").sign());
        badTokens.put(
                "a token signed by another key",
                TestTokens.builder(Role.values()).signedByForeignKey().sign());
        badTokens.put("a malformed token", "not.a.jwt");
        Http setup = new Http(port);
        List<DynamicTest> tests = new ArrayList<>();
        matrix().forEach((endpoint, entry) -> {
            if (entry.access().open()) {
                return;
            }
            badTokens.forEach((kind, token) -> tests.add(DynamicTest.dynamicTest(endpoint + " with " + kind, () -> {
                Call call = entry.call().apply(setup);
                var response = call.on(new Http(port, token));
                assertThat(response.getStatusCode())
                        .as("%s %s with %s", call.method(), call.path(), kind)
                        .isEqualTo(HttpStatus.UNAUTHORIZED);
                assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
                assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .isTrue();
            })));
        });
        return tests.stream();
    }

    private static List<String> keys(RequestMappingInfo info) {
        Set<String> methods = new TreeSet<>();
        info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
        if (methods.isEmpty()) {
            methods.add("ANY");
        }
        List<String> keys = new ArrayList<>();
        for (String method : methods) {
            for (String pattern : info.getPatternValues()) {
                keys.add(method + " " + pattern);
            }
        }
        return keys;
    }

    /** The five endpoints of a clinical record kind: writers post, amend and void; clinicians read. */
    protected static Map<String, Entry> recordEndpoints(RecordApi api) {
        String item = api.path() + "/{" + api.idField() + "}";
        Map<String, Entry> entries = new LinkedHashMap<>();
        entries.put(
                "POST " + api.path(),
                new Entry(
                        Access.role(Role.CLINICAL_WRITER),
                        http -> Call.send(
                                "POST",
                                api.path(),
                                api.validBody().apply(newPatient()).toString(),
                                201)));
        entries.put(
                "GET " + item,
                new Entry(
                        Access.role(Role.CLINICIAN),
                        http -> Call.get(api.path() + "/" + create(http, api, newPatient()))));
        entries.put(
                "GET /api/v1/patients/{patientId}/" + api.collection(),
                new Entry(
                        Access.role(Role.CLINICIAN),
                        http -> Call.get("/api/v1/patients/" + newPatient() + "/" + api.collection())));
        entries.put("PUT " + item, new Entry(Access.role(Role.CLINICAL_WRITER), http -> {
            String patientId = newPatient();
            return Call.send(
                    "PUT",
                    api.path() + "/" + create(http, api, patientId),
                    api.amendedBody().apply(patientId).toString(),
                    200,
                    "If-Match",
                    "\"1\"");
        }));
        entries.put(
                "DELETE " + item,
                new Entry(
                        Access.role(Role.CLINICAL_WRITER),
                        http -> Call.send(
                                "DELETE",
                                api.path() + "/" + create(http, api, newPatient()),
                                "{\"reason\":\"entered for the wrong patient\"}",
                                200,
                                "If-Match",
                                "\"1\"")));
        return entries;
    }

    /**
     * A service's bulk imports: the clinical system that starts a job follows it (and only it: the
     * matrix's tokens share one subject, so each role's call is the starter's).
     */
    protected static Map<String, Entry> importEndpoints() {
        String ndjson = "application/x-ndjson";
        Map<String, Entry> entries = new LinkedHashMap<>();
        entries.put(
                "POST /api/v1/imports",
                new Entry(
                        Access.role(Role.CLINICAL_WRITER),
                        http -> Call.send("POST", "/api/v1/imports", "", 202, "Content-Type", ndjson)));
        entries.put(
                "GET /api/v1/imports/{jobId}",
                new Entry(Access.role(Role.CLINICAL_WRITER), http -> Call.get("/api/v1/imports/" + importJob(http))));
        entries.put(
                "GET /api/v1/imports/{jobId}/refusals",
                new Entry(
                        Access.role(Role.CLINICAL_WRITER),
                        http -> Call.get("/api/v1/imports/" + importJob(http) + "/refusals")));
        entries.put(
                "DELETE /api/v1/imports/{jobId}",
                new Entry(
                        Access.role(Role.CLINICAL_WRITER),
                        // a job of an empty file finishes at once: cancelling it is a 409, past authorization
                        http -> Call.send("DELETE", "/api/v1/imports/" + importJob(http), null, 409)));
        entries.put(
                "GET /api/v1/admin/imports",
                new Entry(Access.role(Role.ADMIN), http -> Call.get("/api/v1/admin/imports")));
        entries.put(
                "GET /api/v1/admin/imports/{jobId}/refusals",
                new Entry(
                        Access.role(Role.ADMIN),
                        http -> Call.get("/api/v1/admin/imports/" + importJob(http) + "/refusals")));
        return entries;
    }

    private static String importJob(Http http) {
        return http.send("POST", "/api/v1/imports", "", "Content-Type", "application/x-ndjson")
                .getBody()
                .get("jobId")
                .asString();
    }

    protected static String newPatient() {
        return "pt-sec-" + java.util.UUID.randomUUID();
    }

    protected static String create(Http http, RecordApi api, String patientId) {
        var created =
                http.send("POST", api.path(), api.validBody().apply(patientId).toString());
        assertThat(created.getStatusCode().value())
                .as("setup: %s", created.getBody())
                .isEqualTo(201);
        return created.getBody().get(api.idField()).asString();
    }
}
