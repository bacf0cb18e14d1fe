package org.footdrop.webapp.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.footdrop.webapp.WebProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.AuthorizationCodeOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.DelegatingOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * The web app signs people in with oauth2Login (authorization code, PKCE) against our authorization
 * server and keeps their tokens in the server-side session; the browser holds only the session
 * cookie. What a person may open follows from the role their access token carries as its scope.
 */
@Configuration
class SecurityConfiguration {

    /**
     * Metrics for Prometheus, as the services serve theirs: a bearer token from the authorization server (its
     * signature, expiry and issuer checked) with the scope {@code ops}; no session, no sign-in page.
     */
    @Bean
    @Order(1)
    SecurityFilterChain metrics(HttpSecurity http, WebProperties web, AuthorizationServerCalls calls) throws Exception {
        NimbusJwtDecoder opsTokens = calls.keys(web.authInternal() + "/oauth2/jwks");
        opsTokens.setJwtValidator(JwtValidators.createDefaultWithIssuer(web.issuer()));
        http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority("SCOPE_ops"))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.decoder(opsTokens)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable()); // bearer tokens only, no cookie to ride on
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(
            HttpSecurity http,
            ClientRegistrationRepository registrations,
            JwtDecoder accessTokens,
            WebProperties web,
            AuthorizationServerCalls calls)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/forbidden",
                                "/form-expired")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/patients", "/patients/**")
                        .hasAuthority(Role.CLINICIAN.authority())
                        .requestMatchers("/data-quality", "/data-quality/**")
                        .hasAuthority(Role.CLINICIAN.authority())
                        .requestMatchers("/safety", "/safety/**")
                        .hasAuthority(Role.ANALYST.authority())
                        .requestMatchers("/admin", "/admin/**")
                        .hasAuthority(Role.ADMIN.authority())
                        .requestMatchers("/ops", "/ops/**")
                        .hasAuthority(Role.OPS.authority())
                        // cohort figures are the analyst's, as outcomes-service's access policy has them
                        .requestMatchers("/cohorts", "/cohorts/**")
                        .hasAuthority(Role.ANALYST.authority())
                        .anyRequest()
                        .authenticated())
                .oauth2Login(login -> login.tokenEndpoint(token -> token.accessTokenResponseClient(calls.codes()))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(people(accessTokens, calls))))
                .oauth2Client(Customizer.withDefaults())
                .exceptionHandling(errors -> errors.accessDeniedHandler(deniedPages())
                        // a page's script (the admin page following a rebuild) is answered 401, never sent
                        // to sign in: that would start a sign-in behind the person's back
                        .defaultAuthenticationEntryPointFor(
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest"))
                        // everything else to sign in with the one client registration, as oauth2Login does
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint(
                                        "/oauth2/authorization/" + WebProperties.REGISTRATION_ID),
                                AnyRequestMatcher.INSTANCE))
                .logout(logout -> logout.logoutSuccessHandler(endBothSessions(registrations)))
                // CSRF stays on (the default): every state-changing request carries the session's token.
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(contentSecurityPolicy(web)))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * Scripts only from this origin (no inline script, no eval); the sign-out form's redirect goes on to the
     * authorization server, so it is a form target too. Inline styles are allowed because ECharts positions its
     * tooltip with a style attribute; no script can be injected through a style.
     */
    static String contentSecurityPolicy(WebProperties web) {
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' "
                + web.issuer();
    }

    /**
     * A refused request's page: a form whose CSRF token the session does not know (the session ended while
     * the page stood open, or the person signed in again since) says that nothing was done and why; any
     * other refusal is the page for another role's.
     */
    private static AccessDeniedHandler deniedPages() {
        AccessDeniedHandlerImpl otherRole = new AccessDeniedHandlerImpl();
        otherRole.setErrorPage("/forbidden");
        AccessDeniedHandlerImpl formExpired = new AccessDeniedHandlerImpl();
        formExpired.setErrorPage("/form-expired");
        return (request, response, denied) ->
                (denied instanceof CsrfException ? formExpired : otherRole).handle(request, response, denied);
    }

    /** Signing out ends this session, then the authorization server's (OpenID Connect RP-initiated logout). */
    private static LogoutSuccessHandler endBothSessions(ClientRegistrationRepository registrations) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/");
        return handler;
    }

    /** The person, with the role their access token carries as its scope (ADR 0010) as the only authority. */
    private static OAuth2UserService<OidcUserRequest, OidcUser> people(
            JwtDecoder accessTokens, AuthorizationServerCalls calls) {
        OidcUserService delegate = new OidcUserService();
        delegate.setOauth2UserService(calls.userInfo());
        return request -> {
            OidcUser user = delegate.loadUser(request);
            Jwt token = accessTokens.decode(request.getAccessToken().getTokenValue());
            Set<GrantedAuthority> authorities = new HashSet<>();
            Object scope = token.getClaims().get("scope");
            Collection<?> scopes = scope instanceof Collection<?> many ? many : Set.of(String.valueOf(scope));
            for (Object each : scopes) {
                String value = String.valueOf(each);
                for (String part : value.split(" ")) {
                    Role.fromScope(part)
                            .ifPresent(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
                }
            }
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), IdTokenClaimNames.SUB);
        };
    }

    /**
     * Built here rather than discovered: the issuer is the browser-facing address, which this server may not
     * reach; the token, keys and userinfo endpoints are taken at the internal address.
     */
    @Bean
    ClientRegistrationRepository clientRegistrations(WebProperties web) {
        String internal = web.authInternal();
        ClientRegistration clinic = ClientRegistration.withRegistrationId(WebProperties.REGISTRATION_ID)
                .clientId(WebProperties.CLIENT_ID)
                .clientSecret(web.clientSecret())
                .clientName("Clinic")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(OidcScopes.OPENID)
                .authorizationUri(web.issuer() + "/oauth2/authorize")
                .tokenUri(internal + "/oauth2/token")
                .jwkSetUri(internal + "/oauth2/jwks")
                .userInfoUri(internal + "/userinfo")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .issuerUri(web.issuer())
                .providerConfigurationMetadata(Map.of("end_session_endpoint", web.issuer() + "/connect/logout"))
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build())
                .build();
        return new InMemoryClientRegistrationRepository(clinic);
    }

    /** Checks the access tokens' signatures against the authorization server's keys before reading their role. */
    @Bean
    JwtDecoder accessTokenDecoder(WebProperties web, AuthorizationServerCalls calls) {
        return calls.keys(web.authInternal() + "/oauth2/jwks");
    }

    /** The ID token checked against the keys fetched through the same client as every other call. */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoders(AuthorizationServerCalls calls) {
        return calls.idTokens();
    }

    /**
     * Hands the signed-in person's access token to the API calls, refreshing it when it expires. Each refresh
     * is published: the listener oauth2Login registers then gives the person the ID token the refresh brought
     * (checked as at sign-in, the role read again by {@link #people}), which sign-out names. The
     * authorization server keeps only the latest ID token of a sign-in: with the first, its session outlived
     * the sign-out.
     */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(
            ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients,
            AuthorizationServerCalls calls,
            ApplicationEventPublisher events) {
        RefreshTokenOAuth2AuthorizedClientProvider refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
        refresh.setAccessTokenResponseClient(calls.refreshes());
        refresh.setApplicationEventPublisher(events);
        OAuth2AuthorizedClientProvider provider = new DelegatingOAuth2AuthorizedClientProvider(
                new AuthorizationCodeOAuth2AuthorizedClientProvider(), refresh);
        DefaultOAuth2AuthorizedClientManager manager =
                new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(provider);
        return manager;
    }
}
