package org.footdrop.webapp;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/** The web app's metrics, like the services': to the ops role's bearer token only, never a sign-in page. */
@SpringBootTest
@AutoConfigureMockMvc
class WebAppMetricsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void shouldServePrometheusMetricsToTheOpsRole() throws Exception {
        // when / then
        mvc.perform(get("/actuator/prometheus").with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_ops"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("application=\"web-app\"")))
                .andExpect(content().string(Matchers.containsString("jvm_memory_used_bytes")));
    }

    @Test
    void shouldRefuseAnotherRoleAndAnyoneWithoutATokenWithoutSendingThemToSignIn() throws Exception {
        // when / then
        mvc.perform(get("/actuator/prometheus").with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_analyst"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Bearer")));
        // and no other endpoint is served, whoever asks
        mvc.perform(get("/actuator/env").with(jwt().authorities(new SimpleGrantedAuthority("SCOPE_ops"))))
                .andExpect(status().isNotFound());
    }
}
