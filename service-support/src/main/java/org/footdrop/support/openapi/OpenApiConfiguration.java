package org.footdrop.support.openapi;

import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Titles the OpenAPI document and attaches each service's example request bodies. */
@AutoConfiguration
public class OpenApiConfiguration {

    @Bean
    OpenApiCustomizer footdropOpenApi(
            List<RequestBodyExamples> examples,
            List<RequestBodyExamples.Responses> responseExamples,
            JsonMapper json,
            @Value("${spring.application.name}") String service) {
        Map<String, String> byOperation = new LinkedHashMap<>();
        examples.forEach(e -> byOperation.putAll(e.resourceByOperation()));
        Map<String, String> responsesByOperation = new LinkedHashMap<>();
        responseExamples.forEach(e -> responsesByOperation.putAll(e.resourceByOperation()));
        return openApi -> {
            openApi.info(new Info()
                    .title("Foot Drop Outcomes: " + service)
                    .version("v1")
                    .description("Errors are application/problem+json (RFC 9457). Writes accept Idempotency-Key; "
                            + "amends need If-Match with the record's ETag (its revision)."));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                        String resource = byOperation.get(method.name() + " " + path);
                        if (resource != null && operation.getRequestBody() != null) {
                            Object value = read(json, resource);
                            operation
                                    .getRequestBody()
                                    .getContent()
                                    .forEach((type, content) -> content.addExamples(
                                            "realistic",
                                            new Example()
                                                    .summary("A realistic request")
                                                    .value(value)));
                        }
                        String response = responsesByOperation.get(method.name() + " " + path);
                        if (response != null
                                && operation.getResponses() != null
                                && operation.getResponses().get("200") != null
                                && operation.getResponses().get("200").getContent() != null) {
                            Object value = read(json, response);
                            operation
                                    .getResponses()
                                    .get("200")
                                    .getContent()
                                    .forEach((type, content) -> content.addExamples(
                                            "realistic",
                                            new Example()
                                                    .summary("A realistic answer")
                                                    .value(value)));
                        }
                    }));
        };
    }

    private static Object read(JsonMapper json, String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return json.readValue(in, new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
