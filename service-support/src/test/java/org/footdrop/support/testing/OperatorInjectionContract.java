package org.footdrop.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * No path, query or body value reaches MongoDB as an operator: every parameter of every operation
 * in the service's OpenAPI document, and the patientId of every request body, is sent MongoDB
 * operators and JavaScript, and must be refused with a problem (never accepted, never a 5xx).
 */
public abstract class OperatorInjectionContract {

    static final List<String> HOSTILE = List.of(
            "{\"$ne\":null}", "$where", "{\"$gt\":\"\"}", "{\"$where\":\"sleep(100)\"}", "$regex", "x' || '1'=='1");

    @LocalServerPort
    int port;

    /** A valid query string for each operation that needs one, e.g. a cohort's measure and window. */
    protected Map<String, String> validQueries() {
        return Map.of();
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseOperatorsInEveryParameter() {
        Http http = new Http(port);
        JsonNode paths = http.get("/v3/api-docs").getBody().get("paths");
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                String body = example(operation.getValue());
                String baseQuery = validQueries().getOrDefault(path.getKey(), "");
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    String name = parameter.get("name").asString();
                    String in = parameter.get("in").asString();
                    if (!in.equals("path") && !in.equals("query")) {
                        continue;
                    }
                    for (String value : HOSTILE) {
                        tests.add(DynamicTest.dynamicTest(
                                method + " " + path.getKey() + " " + in + " " + name + "=" + value,
                                () -> assertRefused(http.sendEncoded(
                                        method, uri(path.getKey(), baseQuery, in, name, value), body))));
                    }
                }
                tests.add(DynamicTest.dynamicTest(
                        method + " " + path.getKey() + " with an operator as a parameter name",
                        () -> assertRefused(http.sendEncoded(
                                method,
                                uri(path.getKey(), baseQuery, "query", "$where", "1"),
                                body,
                                "If-Match",
                                "\"1\""))));
                if (body != null && body.contains("\"patientId\"")) {
                    for (String value : HOSTILE) {
                        tests.add(DynamicTest.dynamicTest(
                                method + " " + path.getKey() + " body patientId=" + value,
                                () -> assertRefused(http.sendEncoded(
                                        method,
                                        uri(path.getKey(), "", "", "", ""),
                                        withPatientId(body, value),
                                        "If-Match",
                                        "\"1\""))));
                    }
                    tests.add(DynamicTest.dynamicTest(
                            method + " " + path.getKey() + " body patientId as an operator object",
                            () -> assertRefused(http.sendEncoded(
                                    method,
                                    uri(path.getKey(), "", "", "", ""),
                                    body.replaceFirst(
                                            "\"patientId\"\\s*:\\s*\"[^\"]*\"", "\"patientId\":{\"\\$ne\":null}"),
                                    "If-Match",
                                    "\"1\""))));
                }
            }
        }
        assertThat(tests).as("operations with parameters or bodies").isNotEmpty();
        return tests.stream();
    }

    private static void assertRefused(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().is4xxClientError())
                .as("%s", response)
                .isTrue();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("%s", response)
                .isTrue();
    }

    /** The path with benign values for its variables, except {@code name} which gets {@code value}. */
    private static String uri(String template, String baseQuery, String in, String name, String value) {
        Matcher variables = Pattern.compile("\\{([A-Za-z]+)}").matcher(template);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String variable = variables.group(1);
            String concrete = in.equals("path") && variable.equals(name)
                    ? encode(value)
                    : variable.equals("patientId")
                            ? "pt-injection"
                            : UUID.randomUUID().toString();
            variables.appendReplacement(path, Matcher.quoteReplacement(concrete));
        }
        variables.appendTail(path);
        String query = baseQuery;
        if (in.equals("query")) {
            query = (query.isEmpty() ? "" : query + "&") + name + "=" + encode(value);
        }
        return query.isEmpty() ? path.toString() : path + "?" + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String example(JsonNode operation) {
        JsonNode example = operation
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("examples")
                .path("realistic")
                .path("value");
        return example.isMissingNode() ? null : example.toString();
    }

    private static String withPatientId(String body, String patientId) {
        ObjectNode node = (ObjectNode)
                tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
        node.put("patientId", patientId);
        return node.toString();
    }
}
