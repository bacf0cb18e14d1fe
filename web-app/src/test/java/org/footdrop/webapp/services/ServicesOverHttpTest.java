package org.footdrop.webapp.services;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.assertj.core.api.Assertions;
import org.footdrop.webapp.WebProperties;
import org.footdrop.webapp.security.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web app's service clients against services answered over real HTTP by a stand-in. The ops page asks each
 * health without the person's token (the person here has none the web app could relay, as after a refresh
 * token is refused), and shows a service that never answers as unreachable instead of holding the page. A
 * page whose service refuses the person's token (401) opens again, which signs the person in again.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ServicesOverHttpTest {

    private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    private static final CountDownLatch ENDED = new CountDownLatch(1);
    private static final HttpServer SERVICES = start();

    @Autowired
    MockMvc mvc;

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/intake/actuator/health", exchange -> answer(exchange, 200, "UP"));
            server.createContext("/outcomes/actuator/health", exchange -> answer(exchange, 503, "DOWN"));
            server.createContext("/auth/actuator/health", exchange -> answer(exchange, 200, "UP"));
            server.createContext("/fhir/actuator/health", exchange -> answer(exchange, 200, "UP"));
            server.createContext("/outcomes/api/v1/patients/fd-pt-refused/outcomes", exchange -> {
                // a service that refuses the person's token
                AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
            });
            server.createContext("/treatment/actuator/health", exchange -> {
                // a service that took the connection and stalls
                AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                try {
                    ENDED.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String health) throws IOException {
        AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        byte[] body = ("{\"status\":\"" + health + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String base = "http://localhost:" + SERVICES.getAddress().getPort();
        registry.add("footdrop.web.intake-uri", () -> base + "/intake");
        registry.add("footdrop.web.treatment-uri", () -> base + "/treatment");
        registry.add("footdrop.web.outcomes-uri", () -> base + "/outcomes");
        registry.add("footdrop.web.auth-internal-uri", () -> base + "/auth");
        registry.add("footdrop.web.fhir-uri", () -> base + "/fhir");
    }

    @Autowired
    OAuth2AuthorizedClientRepository authorizedClients;

    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void forget() {
        AUTHORIZATIONS.clear();
    }

    @AfterAll
    static void stop() {
        ENDED.countDown();
        SERVICES.stop(0);
    }

    @Test
    void shouldShowEachServicesHealthWithoutRelayingATokenAndAStalledOneAsUnreachable() throws Exception {
        mvc.perform(get("/ops")
                        .with(oidcLogin()
                                .idToken(token -> token.subject("local-ops"))
                                .authorities(new SimpleGrantedAuthority(Role.OPS.authority()))))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(Matchers.containsString("data-service=\"intake-service\" data-status=\"UP\"")))
                .andExpect(content()
                        .string(Matchers.containsString("data-service=\"outcomes-service\" data-status=\"DOWN\"")))
                .andExpect(content()
                        .string(Matchers.containsString(
                                "data-service=\"treatment-service\" data-status=\"UNREACHABLE\"")))
                .andExpect(content()
                        .string(Matchers.containsString("data-service=\"authorization-server\" data-status=\"UP\"")))
                // and the FHIR facade's, where the stack runs one
                .andExpect(
                        content().string(Matchers.containsString("data-service=\"fhir-facade\" data-status=\"UP\"")));
        Assertions.assertThat(AUTHORIZATIONS).hasSize(5).containsOnly("null");
    }

    @Test
    void shouldDropATokenAServiceRefusesAndSendThePersonRoundToSignInAgain() throws Exception {
        // given a clinician whose session holds an access token the services no longer accept
        Instant now = Instant.now();
        OidcUser clinician = new DefaultOidcUser(
                List.of(new SimpleGrantedAuthority(Role.CLINICIAN.authority())),
                OidcIdToken.withTokenValue("id-token")
                        .subject("local-clinician")
                        .issuedAt(now)
                        .expiresAt(now.plusSeconds(300))
                        .build());
        OAuth2AuthenticationToken person =
                new OAuth2AuthenticationToken(clinician, clinician.getAuthorities(), WebProperties.REGISTRATION_ID);
        MockHttpSession session = new MockHttpSession();
        authorizedClients.saveAuthorizedClient(
                new OAuth2AuthorizedClient(
                        registrations.findByRegistrationId(WebProperties.REGISTRATION_ID),
                        "local-clinician",
                        new OAuth2AccessToken(
                                OAuth2AccessToken.TokenType.BEARER, "refused-token", now, now.plusSeconds(300))),
                person,
                inSession(session),
                new MockHttpServletResponse());

        // when they open a page whose service refuses the token
        mvc.perform(get("/patients/fd-pt-refused").session(session).with(authentication(person)))
                // then the page is opened again, which signs the person in again
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/patients/fd-pt-refused"));
        Assertions.assertThat(AUTHORIZATIONS).containsExactly("Bearer refused-token");
        // and the refused token is gone from the session, so that the page opened again signs them in
        Assertions.assertThat((Object) authorizedClients.loadAuthorizedClient(
                        WebProperties.REGISTRATION_ID, person, inSession(session)))
                .isNull();
    }

    private static MockHttpServletRequest inSession(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        return request;
    }
}
