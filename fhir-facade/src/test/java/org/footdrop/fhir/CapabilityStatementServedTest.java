package org.footdrop.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.footdrop.support.security.Role;
import org.footdrop.support.testing.EmbeddedMongoInitializer;
import org.footdrop.support.testing.TestAuthInitializer;
import org.footdrop.support.testing.TestTokens;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceInteractionComponent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The CapabilityStatement against what is served: every interaction and operation it declares, sent
 * as a client would (by someone allowed to), reaches a handler. Refusals of the request's content
 * (400, 404, 412, 422) count as served; 405, 501, HAPI's "does not know how to handle", and 401 or
 * 403 (the caller may do everything) do not.
 * Plain HTTP: the point is each declared interaction's own request, not a client's choice of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {EmbeddedMongoInitializer.class, TestAuthInitializer.class})
class CapabilityStatementServedTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ServicesStandIn SERVICES = ServicesStandIn.plain();
    private static final String UNHANDLED = "does not know how to handle";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private CapabilityStatement capability;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("footdrop.fhir.intake-uri", SERVICES::baseUri);
        registry.add("footdrop.fhir.treatment-uri", SERVICES::baseUri);
        registry.add("footdrop.fhir.outcomes-uri", SERVICES::baseUri);
    }

    @BeforeEach
    void readTheCapabilityStatement() throws Exception {
        HttpResponse<String> metadata = send("GET", "/metadata", null, null);
        assertThat(metadata.statusCode()).isEqualTo(200);
        capability = FHIR.newJsonParser().parseResource(CapabilityStatement.class, metadata.body());
    }

    @Test
    void shouldServeEveryInteractionAndOperationItDeclares() throws Exception {
        List<String> unserved = new ArrayList<>();
        int tried = 0;
        for (CapabilityStatementRestResourceComponent resource :
                capability.getRestFirstRep().getResource()) {
            for (ResourceInteractionComponent interaction : resource.getInteraction()) {
                HttpResponse<String> answer =
                        interaction(resource, interaction.getCode().toCode());
                tried++;
                if (!served(answer)) {
                    unserved.add(resource.getType() + " "
                            + interaction.getCode().toCode() + ": " + answer.statusCode() + " " + answer.body());
                }
            }
            for (var operation : resource.getOperation()) {
                HttpResponse<String> answer = send(
                        "GET",
                        "/" + resource.getType() + "/" + UUID.randomUUID() + "/$" + operation.getName(),
                        null,
                        null);
                tried++;
                if (!served(answer)) {
                    unserved.add(resource.getType() + " $" + operation.getName() + ": " + answer.statusCode());
                }
            }
        }
        for (var interaction : capability.getRestFirstRep().getInteraction()) {
            String bundle = "{\"resourceType\":\"Bundle\",\"type\":\""
                    + interaction.getCode().toCode() + "\"}";
            HttpResponse<String> answer = send("POST", "", bundle, null);
            tried++;
            if (!served(answer)) {
                unserved.add("system " + interaction.getCode().toCode() + ": " + answer.statusCode());
            }
        }

        assertThat(tried).isGreaterThan(10);
        assertThat(unserved).isEmpty();
    }

    /** The check above can tell: an interaction the statement does not declare is found unserved. */
    @Test
    void shouldFindAnInteractionItDoesNotDeclareUnserved() throws Exception {
        CapabilityStatementRestResourceComponent codeSystems = capability.getRestFirstRep().getResource().stream()
                .filter(resource -> resource.getType().equals("CodeSystem"))
                .findFirst()
                .orElseThrow();
        assertThat(codeSystems.getInteraction())
                .extracting(interaction -> interaction.getCode().toCode())
                .doesNotContain("delete");

        assertThat(served(interaction(codeSystems, "delete"))).isFalse();
    }

    private HttpResponse<String> interaction(CapabilityStatementRestResourceComponent resource, String code)
            throws Exception {
        String type = resource.getType();
        String id = UUID.randomUUID().toString();
        String body = "{\"resourceType\":\"" + type + "\",\"id\":\"" + id + "\"}";
        switch (code) {
            case "read":
                return send("GET", "/" + type + "/" + id, null, null);
            case "vread":
                return send("GET", "/" + type + "/" + id + "/_history/1", null, null);
            case "update":
                return send("PUT", "/" + type + "/" + id, body, "W/\"1\"");
            case "patch":
                return send("PATCH", "/" + type + "/" + id, "[]", null);
            case "delete":
                return send("DELETE", "/" + type + "/" + id, null, null);
            case "history-instance":
                return send("GET", "/" + type + "/" + id + "/_history", null, null);
            case "history-type":
                return send("GET", "/" + type + "/_history", null, null);
            case "create":
                return send("POST", "/" + type, "{\"resourceType\":\"" + type + "\"}", null);
            case "search-type":
                return send("GET", "/" + type + searchQuery(resource), null, null);
            default:
                throw new IllegalStateException("an interaction this test does not know: " + code);
        }
    }

    /** Every search parameter the resource declares, at once, each with a value of its type. */
    private static String searchQuery(CapabilityStatementRestResourceComponent resource) {
        List<String> parameters = new ArrayList<>();
        for (var parameter : resource.getSearchParam()) {
            String value;
            switch (parameter.getType()) {
                case DATE:
                    value = "ge2026-01-01";
                    break;
                case URI:
                    value = "http://example.org/x";
                    break;
                case REFERENCE:
                    value = UUID.randomUUID().toString();
                    break;
                default:
                    value = "x";
            }
            parameters.add(parameter.getName() + "=" + value);
        }
        return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
    }

    /** Reached a handler: not refused as unsupported, nor stopped before it (the caller may do all of it). */
    private static boolean served(HttpResponse<String> answer) {
        return answer.statusCode() != 401
                && answer.statusCode() != 403
                && answer.statusCode() != 405
                && answer.statusCode() != 501
                && !(answer.statusCode() == 400 && answer.body().contains(UNHANDLED));
    }

    private HttpResponse<String> send(String method, String path, String body, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fhir" + path))
                .header(
                        "Authorization",
                        "Bearer "
                                + TestTokens.builder(Role.CLINICAL_WRITER, Role.CLINICIAN)
                                        .audiences("fhir-facade")
                                        .sign())
                .header("Accept", "application/fhir+json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/fhir+json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
