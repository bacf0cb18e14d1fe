package org.footdrop.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.servlet.DispatcherType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.footdrop.auth.client.CodeFlowClientsOnly;
import org.footdrop.auth.federation.Federation;
import org.footdrop.auth.token.DefaultScopes;
import org.footdrop.auth.token.TokenClaims;
import org.footdrop.auth.user.SignInBusyException;
import org.footdrop.auth.user.ThrottledSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Four filter chains and nothing else: the OAuth2 and OpenID Connect endpoints, the sign-in form
 * (and the clinic's single sign-on beside it), metrics for the ops role, and a public health probe. Declaring them replaces Boot's defaults.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String LOGIN = "/login";

    static final String METRICS = "/actuator/prometheus";

    /** What a browser sees of the page: the form only, no script, no framing, nothing fetched. */
    static final String LOGIN_PAGE_POLICY = "default-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static final List<String> GRANT_TYPES = List.of(
            AuthorizationGrantType.CLIENT_CREDENTIALS.getValue(),
            AuthorizationGrantType.AUTHORIZATION_CODE.getValue(),
            AuthorizationGrantType.REFRESH_TOKEN.getValue());
    private static final List<String> CLIENT_AUTHENTICATION_METHODS = List.of(
            ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue(),
            ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue());

    /**
     * The signed-in sessions OpenID Connect logout finds a sign-in's session by. As a bean, so that it hears
     * of sessions that end ({@link #sessionEndings()}): the one the server would make for itself never did,
     * and kept every session it was told of until the heap ran out.
     */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry of each session that ends (signed out, or timed out). */
    @Bean
    HttpSessionEventPublisher sessionEndings() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(
            HttpSecurity http, AuthorizationServerSettings settings, RegisteredClientRepository clients) {
        http.addFilterBefore(
                new CodeFlowClientsOnly(
                        clients, PathPatternRequestMatcher.withDefaults().matcher(settings.getAuthorizationEndpoint())),
                SecurityContextHolderFilter.class);
        http.oauth2AuthorizationServer(server -> {
            // The device flow and pushed authorization requests are not offered: their requests
            // never reach the server's filters.
            RequestMatcher unused = new OrRequestMatcher(Stream.of(
                            settings.getPushedAuthorizationRequestEndpoint(),
                            settings.getDeviceAuthorizationEndpoint(),
                            settings.getDeviceVerificationEndpoint())
                    .map(path -> (RequestMatcher)
                            PathPatternRequestMatcher.withDefaults().matcher(path))
                    .toList());
            http.securityMatcher(
                    new AndRequestMatcher(server.getEndpointsMatcher(), new NegatedRequestMatcher(unused)));
            server.tokenEndpoint(
                    token -> token.authenticationProviders(providers -> providers.replaceAll(DefaultScopes::wrap)));
            // OpenID Connect for the web app: ID tokens, userinfo (subject and role) and RP-initiated
            // logout (end_session_endpoint); no dynamic client registration.
            server.oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(TokenClaims::userInfo))
                    .providerConfigurationEndpoint(provider -> provider.providerConfigurationCustomizer(
                            document -> document.grantTypes(grants -> replace(grants, GRANT_TYPES))
                                    .tokenEndpointAuthenticationMethods(
                                            methods -> replace(methods, CLIENT_AUTHENTICATION_METHODS)))));
            // Advertise what the clients can actually use.
            server.authorizationServerMetadataEndpoint(metadata -> metadata.authorizationServerMetadataCustomizer(
                    document -> document.grantTypes(grants -> replace(grants, GRANT_TYPES))
                            .tokenEndpointAuthenticationMethods(
                                    methods -> replace(methods, CLIENT_AUTHENTICATION_METHODS))));
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        // A browser that is not signed in goes to the form, and comes back to its authorization
        // request afterwards; a machine gets a 401. Only that request is remembered in the session.
        MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        http.exceptionHandling(exceptions ->
                exceptions.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN), browsers));
        HttpSessionRequestCache authorizationRequests = new HttpSessionRequestCache();
        authorizationRequests.setRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(settings.getAuthorizationEndpoint()));
        http.requestCache(cache -> cache.requestCache(authorizationRequests));
        return http.build();
    }

    /**
     * The sign-in form ({@code user.LoginPage}) and its post, checked by {@link ThrottledSignIn}
     * only. A refusal while the name is locked says so; any other says only that the name or the
     * password was wrong. With the clinic's single sign-on configured, its start and return too.
     */
    @Bean
    @Order(2)
    SecurityFilterChain signIn(
            HttpSecurity http,
            ThrottledSignIn signIn,
            AuthProperties properties,
            ObjectProvider<Federation> singleSignOn) {
        Federation federation = singleSignOn.getIfAvailable();
        RequestMatcher login = PathPatternRequestMatcher.withDefaults().matcher(LOGIN);
        http.securityMatcher(federation == null ? login : new OrRequestMatcher(login, federation.requests()));
        // Only these: Boot's global manager would check a failed password a second time, uncounted.
        http.authenticationManager(
                federation == null
                        ? new ProviderManager(signIn)
                        : new ProviderManager(signIn, federation.authenticationProvider()));
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl(LOGIN + "?error");
        failures.setExceptionMappings(Map.of(
                LockedException.class.getName(), LOGIN + "?locked",
                SignInBusyException.class.getName(), LOGIN + "?busy"));
        // Signed in without an authorization request (the form opened by hand): on to the web app,
        // whose own sign-in then passes through here without the form.
        http.formLogin(form -> form.loginPage(LOGIN)
                .defaultSuccessUrl(properties.webClient().postLogoutRedirectUri())
                .failureHandler(failures)
                .permitAll());
        if (federation != null) {
            // The clinic's single sign-on, beside the form: the same page, the same way on afterwards.
            federation.configure(http, LOGIN, properties.webClient().postLogoutRedirectUri());
        }
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        http.logout(logout -> logout.disable()); // signing out is OpenID Connect's end_session_endpoint
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(LOGIN_PAGE_POLICY)));
        return http.build();
    }

    /**
     * Metrics, to the ops role only, as on the services: a bearer token this server issued (its
     * signature checked against its own key, its issuer this one) with the scope {@code ops}.
     */
    @Bean
    @Order(3)
    SecurityFilterChain metrics(
            HttpSecurity http, JWKSource<SecurityContext> keys, AuthorizationServerSettings settings) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        NimbusJwtDecoder ownTokens = new NimbusJwtDecoder(processor);
        ownTokens.setJwtValidator(JwtValidators.createDefaultWithIssuer(settings.getIssuer()));
        http.securityMatcher(METRICS);
        http.authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority("SCOPE_ops"));
        http.oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.decoder(ownTokens)));
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.requestCache(cache -> cache.disable());
        http.csrf(csrf -> csrf.disable()); // bearer tokens only, no cookie to ride on
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain healthOnly(HttpSecurity http) {
        // An error the OAuth2 endpoints send (a 400 to a malformed authorization request without a
        // redirect URI) is rendered on the error dispatch: let it through, or it would read 403.
        http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                .permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**")
                .permitAll()
                .anyRequest()
                .denyAll());
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.requestCache(cache -> cache.disable());
        return http.build();
    }

    private static void replace(List<String> values, List<String> with) {
        values.clear();
        values.addAll(with);
    }
}
