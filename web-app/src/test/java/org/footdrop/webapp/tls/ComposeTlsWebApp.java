package org.footdrop.webapp.tls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.footdrop.support.testing.ComposeTlsOverride;
import org.footdrop.support.testing.TestCertificates;
import org.footdrop.support.testing.TlsInfrastructureInitializer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * docker-compose.tls.yml's environment for the web app, added as a second system environment (so Boot maps
 * SPRING_SSL_BUNDLE_PEM_... and SPRING_HTTP_CLIENTS_SSL_BUNDLE as it maps real variables). The certificate
 * paths move to {@link TestCertificates}, and the authorization server's and the services' https addresses to
 * the {@link StandIn}. The browser-facing issuer stays the override's.
 */
class ComposeTlsWebApp implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String SERVICE = "web-app";
    private static final List<String> ADDRESSES = List.of(
            "FOOTDROP_AUTH_INTERNAL_URI", "FOOTDROP_INTAKE_URI", "FOOTDROP_TREATMENT_URI", "FOOTDROP_OUTCOMES_URI");

    static final String ISSUER = composeEnvironment().get("FOOTDROP_AUTH_ISSUER");

    private static StandIn standIn;

    static synchronized StandIn standIn() {
        if (standIn == null) {
            standIn = new StandIn(TestCertificates.shared(), ISSUER);
        }
        return standIn;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> variables = new LinkedHashMap<>(composeEnvironment());
        for (String address : ADDRESSES) {
            String value = String.valueOf(variables.get(address));
            if (!value.startsWith("https://")) {
                throw new IllegalStateException(ComposeTlsOverride.FILE + ": " + address + " is not https: " + value);
            }
            variables.put(address, standIn().baseUri());
        }
        context.getEnvironment()
                .getPropertySources()
                .addBefore(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource("compose-tls-systemEnvironment", variables));
    }

    private static Map<String, String> composeEnvironment() {
        return ComposeTlsOverride.environment(
                SERVICE,
                TlsInfrastructureInitializer.CONTAINER_TLS_DIR,
                TestCertificates.shared().dir());
    }
}
