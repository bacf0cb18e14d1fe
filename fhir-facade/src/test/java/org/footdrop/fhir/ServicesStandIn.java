package org.footdrop.fhir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.footdrop.contract.vocabulary.CauseCategory;
import org.footdrop.contract.vocabulary.Guidance;
import org.footdrop.contract.vocabulary.InjectionTarget;
import org.footdrop.contract.vocabulary.InjectionTechnique;
import org.footdrop.contract.vocabulary.Side;
import org.footdrop.contract.vocabulary.Solution;
import org.footdrop.contract.vocabulary.TherapyType;
import org.footdrop.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * intake-, treatment- and outcomes-service's patient reads (and the authorization server's JWK set) on
 * one real HTTP or HTTPS server: each patient's diagnoses and injections as the services answer them,
 * and outcomes-service's own documented example as the patient's outcomes. It records the
 * Authorization header of every call, so a test sees the caller's token was relayed.
 */
public final class ServicesStandIn {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PATIENT_READ = Pattern.compile("/api/v1/patients/([^/]+)/([a-z-]+)");

    private final HttpServer server;
    private final String scheme;
    private final Map<String, ArrayNode> records = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> outcomes = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private ServicesStandIn(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        server.createContext("/api/v1/patients/", this::patientRead);
        server.createContext("/oauth2/jwks", exchange -> answer(exchange, 200, TestTokens.jwkSetJson()));
        server.start();
    }

    public static ServicesStandIn plain() {
        try {
            return new ServicesStandIn(
                    HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "http");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Over HTTPS with a certificate the given context presents (the test CA's, in the TLS tests). */
    public static ServicesStandIn overTls(SSLContext serverContext) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
            return new ServicesStandIn(server, "https");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUri() {
        return scheme + "://localhost:" + server.getAddress().getPort();
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** A course for this patient: so many diagnoses and injections, and the documented outcomes. */
    public void course(String patientId, int diagnoses, int injections) {
        ArrayNode diagnosisList = JSON.createArrayNode();
        for (int i = 0; i < diagnoses; i++) {
            diagnosisList.add(record("diagnosisId", patientId, i)
                    .put("side", Side.RIGHT.name())
                    .put("causeCategory", CauseCategory.values()[0].name())
                    .put("diagnosisDate", "2026-02-1" + (i % 10))
                    .set("icd10Codes", JSON.createArrayNode().add("M21.371")));
        }
        ArrayNode injectionList = JSON.createArrayNode();
        for (int i = 0; i < injections; i++) {
            injectionList.add(record("injectionId", patientId, i)
                    .put("side", Side.RIGHT.name())
                    .put("technique", InjectionTechnique.values()[0].name())
                    .put("target", InjectionTarget.values()[0].name())
                    .put("guidance", Guidance.values()[0].name())
                    .put("solution", Solution.values()[0].name())
                    .put("volumeMl", 10)
                    .put("durationMinutes", 5)
                    .put(
                            "administeredAt",
                            Instant.parse("2026-03-01T10:00:00Z")
                                    .plusSeconds(86_400L * 7 * i)
                                    .toString()));
        }
        records.put(patientId + "/diagnoses", diagnosisList);
        records.put(patientId + "/injections", injectionList);
        outcomes.put(patientId, documentedOutcomes());
    }

    /** So many therapy prescriptions for this patient. */
    public void therapies(String patientId, int therapies) {
        ArrayNode therapyList = JSON.createArrayNode();
        for (int i = 0; i < therapies; i++) {
            therapyList.add(record("therapyId", patientId, i)
                    .put("type", TherapyType.values()[0].name())
                    .put("startDate", "2026-03-0" + (1 + i % 9))
                    .put("sessionsPerWeek", 2));
        }
        records.put(patientId + "/therapies", therapyList);
    }

    private static ObjectNode record(String idField, String patientId, int i) {
        return JSON.createObjectNode()
                .put(idField, UUID.randomUUID().toString())
                .put("patientId", patientId)
                .put("revision", 1)
                .put("status", "ACTIVE");
    }

    /** outcomes-service's committed OpenAPI example of a patient's outcomes. */
    private static JsonNode documentedOutcomes() {
        return JSON.readTree(Path.of("../docs/api/outcomes-service.json").toFile())
                .path("paths")
                .path("/api/v1/patients/{patientId}/outcomes")
                .path("get")
                .path("responses")
                .path("200")
                .path("content")
                .path("application/json")
                .path("examples")
                .path("realistic")
                .path("value");
    }

    private void patientRead(HttpExchange exchange) throws IOException {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        Matcher read = PATIENT_READ.matcher(exchange.getRequestURI().getPath());
        if (!read.matches()) {
            answer(exchange, 404, "{}");
            return;
        }
        String patientId = read.group(1);
        if ("outcomes".equals(read.group(2))) {
            JsonNode view = outcomes.get(patientId);
            answer(exchange, view == null ? 404 : 200, view == null ? "{}" : view.toString());
            return;
        }
        answer(
                exchange,
                200,
                records.getOrDefault(patientId + "/" + read.group(2), JSON.createArrayNode())
                        .toString());
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
