package org.footdrop.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.footdrop.contract.EventJson;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/**
 * Requests to a {@link WebSlice} as {@link Http} sends them to a running service (JSON, a token
 * holding every role), and the check every refused request shares.
 */
public final class SliceRequests {

    private SliceRequests() {}

    /** The request, with headers given as name, value pairs. */
    public static MvcTestResult send(
            MockMvcTester mvc, HttpMethod method, String path, String body, String... headers) {
        var request = mvc.method(method)
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.allRoles())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body == null ? "" : body);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request = request.header(headers[i], headers[i + 1]);
        }
        return request.exchange();
    }

    public static MvcTestResult get(MockMvcTester mvc, String path) {
        return send(mvc, HttpMethod.GET, path, null);
    }

    /** 400 problem+json whose errors name the field, each error with a reason. */
    public static JsonNode assertRefusedNaming(MvcTestResult result, String field) {
        assertThat(result).hasStatus(400);
        assertThat(result).contentType().isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = body(result);
        assertThat(problem.get("errors").findValuesAsString("field")).contains(field);
        assertThat(problem.get("errors").findValuesAsString("reason")).allMatch(reason -> !reason.isBlank());
        return problem;
    }

    public static JsonNode body(MvcTestResult result) {
        try {
            return EventJson.mapper().readTree(result.getResponse().getContentAsString());
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
