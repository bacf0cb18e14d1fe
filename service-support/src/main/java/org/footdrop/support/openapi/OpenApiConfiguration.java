package org.footdrop.support.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.servers.Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.footdrop.support.security.AccessPolicy;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes each service's OpenAPI document one a client generator can use: titled, served relative
 * to where it is fetched from, with the OAuth2 scheme and each operation's scope, every problem
 * answer, the record headers, and each service's example request and response bodies.
 */
@AutoConfiguration
public class OpenApiConfiguration {

    @Bean
    OpenApiCustomizer footdropOpenApi(
            List<RequestBodyExamples> examples,
            List<RequestBodyExamples.Responses> responseExamples,
            List<OperationDocs> docs,
            ObjectProvider<AccessPolicy> policies,
            JsonMapper json,
            @Value("${spring.application.name}") String service,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
        Map<String, String> byOperation = new LinkedHashMap<>();
        examples.forEach(e -> byOperation.putAll(e.resourceByOperation()));
        Map<String, String> responsesByOperation = new LinkedHashMap<>();
        responseExamples.forEach(e -> responsesByOperation.putAll(e.resourceByOperation()));
        return openApi -> {
            openApi.info(new Info()
                    .title("Foot Drop Outcomes: " + service)
                    .version("v1")
                    .description("Every operation needs a client-credentials token from the authorization server "
                            + "with the scope it names. Errors are application/problem+json (RFC 9457). Writes "
                            + "accept Idempotency-Key; amends need If-Match with the record's ETag (its revision).")
                    // the repository's LICENSE
                    .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")));
            // Relative: the API is where its document is, whichever host and port that is.
            openApi.servers(List.of(new Server().url("/").description("This service")));
            new KeyedDocs(docs).apply(openApi);
            Operations.each(
                    openApi,
                    (path, method, operation) -> operation
                            .getResponses()
                            .values()
                            .forEach(response -> jsonUnlessDeclared(response.getContent())));
            new RecordHeaders().apply(openApi);
            new ScopeRequirements(policies.orderedStream().toList(), issuer).apply(openApi);
            new ProblemAnswers().apply(openApi);
            attachExamples(openApi, json, byOperation, responsesByOperation);
        };
    }

    /** Springdoc announces a body of undeclared type as any type; every such answer here is JSON. */
    private static void jsonUnlessDeclared(Content content) {
        if (content != null && content.containsKey("*/*")) {
            content.addMediaType("application/json", content.remove("*/*"));
        }
    }

    private static void attachExamples(
            OpenAPI openApi, JsonMapper json, Map<String, String> requests, Map<String, String> responses) {
        Operations.each(openApi, (path, method, operation) -> {
            String key = Operations.key(method, path);
            String resource = requests.get(key);
            if (resource != null && operation.getRequestBody() != null) {
                Object value = read(json, resource);
                operation
                        .getRequestBody()
                        .getContent()
                        .forEach((type, content) -> content.addExamples(
                                "realistic",
                                new Example().summary("A realistic request").value(value)));
            }
            String response = responses.get(key);
            if (response != null
                    && operation.getResponses().get("200") != null
                    && operation.getResponses().get("200").getContent() != null) {
                Object value = read(json, response);
                operation.getResponses().get("200").getContent().forEach((type, content) -> {
                    // the examples are JSON: a CSV or NDJSON answer of the same read has none
                    if (type.contains("json") && !type.contains("ndjson")) {
                        content.addExamples(
                                "realistic",
                                new Example().summary("A realistic answer").value(value));
                    }
                });
            }
        });
    }

    private static Object read(JsonMapper json, String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return json.readValue(in, new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
