package org.footdrop.webapp.ops;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.assertj.core.api.Assertions;
import org.footdrop.webapp.security.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The ops page against services answered over real HTTP by a stand-in: each health is asked without the
 * person's token (the person here has none the web app could relay, as after a refresh token is refused),
 * and a service that never answers is shown unreachable instead of holding the page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpsHealthTest {

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
                        .string(Matchers.containsString("data-service=\"authorization-server\" data-status=\"UP\"")));
        Assertions.assertThat(AUTHORIZATIONS).hasSize(4).containsOnly("null");
    }
}
