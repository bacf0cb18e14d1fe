package org.footdrop.auth.client;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an authorization request naming a client that may not use the authorization-code flow
 * (a role client) with {@code 400 unauthorized_client}. The stock endpoint would answer it with a
 * 500: it looks for a redirect URI to send the error to, and a role client has none.
 */
public final class CodeFlowClientsOnly extends OncePerRequestFilter {

    private final RegisteredClientRepository clients;
    private final RequestMatcher authorizationEndpoint;

    public CodeFlowClientsOnly(RegisteredClientRepository clients, RequestMatcher authorizationEndpoint) {
        this.clients = clients;
        this.authorizationEndpoint = authorizationEndpoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String clientId = authorizationEndpoint.matches(request) ? request.getParameter("client_id") : null;
        RegisteredClient client = clientId == null ? null : clients.findByClientId(clientId);
        if (client != null
                && (client.getRedirectUris().isEmpty()
                        || !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.AUTHORIZATION_CODE))) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter()
                    .write("{\"error\":\"unauthorized_client\",\"error_description\":"
                            + "\"this client may not use the authorization-code flow\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
