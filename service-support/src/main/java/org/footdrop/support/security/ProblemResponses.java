package org.footdrop.support.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.footdrop.support.web.ProblemTypes;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem+json, keeping the RFC 6750 WWW-Authenticate header that Spring writes.
 * The body is constant text: nothing from the request or the token is echoed back.
 */
final class ProblemResponses {

    private ProblemResponses() {}

    static AuthenticationEntryPoint unauthorized() {
        var bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            write(
                    response,
                    ProblemTypes.UNAUTHORIZED,
                    "Unauthorized",
                    "A valid bearer token from the authorization server is required");
        };
    }

    static AccessDeniedHandler forbidden() {
        var bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            bearer.handle(request, response, exception);
            write(response, ProblemTypes.FORBIDDEN, "Forbidden", "The token's role does not allow this request");
        };
    }

    private static void write(HttpServletResponse response, java.net.URI type, String title, String detail)
            throws IOException {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + response.getStatus()
                        + ",\"detail\":\"" + detail + "\"}");
    }
}
