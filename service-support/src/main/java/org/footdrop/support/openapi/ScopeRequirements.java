package org.footdrop.support.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.footdrop.support.security.AccessPolicy;
import org.footdrop.support.security.Role;
import org.springframework.http.HttpMethod;

/**
 * Declares the OAuth2 client-credentials scheme of the authorization server and, on each
 * operation, the one scope it needs, read from the service's {@link AccessPolicy}: the rules the
 * security chain enforces are the only table of who may call what.
 */
final class ScopeRequirements {

    static final String SCHEME = "oauth2";

    private final List<AccessPolicy> policies;
    private final String tokenUrl;

    ScopeRequirements(List<AccessPolicy> policies, String issuer) {
        this.policies = policies;
        this.tokenUrl = issuer.replaceAll("/+$", "") + "/oauth2/token";
    }

    void apply(OpenAPI openApi) {
        Scopes scopes = new Scopes();
        for (Role role : Role.values()) {
            scopes.addString(role.scope(), role.description());
        }
        if (openApi.getComponents() == null) {
            openApi.components(new Components());
        }
        openApi.getComponents()
                .addSecuritySchemes(
                        SCHEME,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.OAUTH2)
                                .description("A client-credentials token from the authorization server; each operation "
                                        + "names the one scope it needs")
                                .flows(new OAuthFlows()
                                        .clientCredentials(new OAuthFlow()
                                                .tokenUrl(tokenUrl)
                                                .scopes(scopes))));
        Operations.each(openApi, (path, method, operation) -> {
            Role role = roleFor(HttpMethod.valueOf(method.name()), path);
            operation.security(List.of(new SecurityRequirement().addList(SCHEME, role.scope())));
        });
    }

    private Role roleFor(HttpMethod method, String path) {
        return policies.stream()
                .flatMap(policy -> policy.roleFor(method, path).stream())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(method + " " + path
                        + " is denied to every caller: no access rule names it, so it cannot be documented"));
    }
}
