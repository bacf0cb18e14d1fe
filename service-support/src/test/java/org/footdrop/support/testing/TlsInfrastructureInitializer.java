package org.footdrop.support.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Adds the compose override's environment for the service under test as a second system
 * environment (so Boot maps SPRING_SSL_BUNDLE_PEM_... and friends exactly as it maps real
 * variables), just above the real one. Only container paths and compose addresses change: the
 * paths to {@link TestCertificates}, kafka:9092, mongodb:27017 and the JWK set URI to this JVM's
 * fixtures. The issuer stays the compose one; tests sign tokens with it.
 */
public class TlsInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Where the override mounts each service's certificate directory. */
    public static final String CONTAINER_TLS_DIR = "/etc/footdrop/tls";

    private static EmbeddedMongo mongo;
    private static TlsTerminatingProxy mongoOverTls;
    private static HttpsServer jwks;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        String service = environment.getRequiredProperty("spring.application.name");
        TestCertificates certificates = TestCertificates.shared();
        Map<String, String> variables =
                new LinkedHashMap<>(ComposeTlsOverride.environment(service, CONTAINER_TLS_DIR, certificates.dir()));
        variables.put("KAFKA_BOOTSTRAP_SERVERS", TlsKafkaBroker.shared().bootstrap());
        variables.put(
                "MONGODB_URI",
                "mongodb://localhost:" + mongoOverTls(certificates).port() + "/footdrop_"
                        + service.replace("-service", ""));
        variables.computeIfPresent(
                "FOOTDROP_AUTH_JWKS_URI",
                (name, uri) ->
                        "https://localhost:" + jwks(certificates).getAddress().getPort()
                                + URI.create(uri).getPath());
        var sources = environment.getPropertySources();
        sources.addBefore(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource("compose-tls-systemEnvironment", new LinkedHashMap<>(variables)));
        // @EmbeddedKafka leaves spring.kafka.bootstrap-servers behind as a JVM-wide system property, which
        // would outrank application.yml's ${KAFKA_BOOTSTRAP_SERVERS} in every later context of this JVM.
        // A container has no such property: give application.yml's mapping back its say.
        sources.addBefore(
                StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                new MapPropertySource(
                        "no-embedded-kafka-leftover",
                        Map.of("spring.kafka.bootstrap-servers", "${KAFKA_BOOTSTRAP_SERVERS}")));
    }

    private static synchronized TlsTerminatingProxy mongoOverTls(TestCertificates certificates) {
        if (mongoOverTls == null) {
            mongo = new EmbeddedMongo();
            mongoOverTls = new TlsTerminatingProxy(
                    certificates.serverContext(),
                    new InetSocketAddress(
                            InetAddress.getLoopbackAddress(),
                            URI.create(mongo.uri("x")).getPort()));
        }
        return mongoOverTls;
    }

    private static synchronized HttpsServer jwks(TestCertificates certificates) {
        if (jwks == null) {
            try {
                jwks = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                jwks.setHttpsConfigurator(new HttpsConfigurator(certificates.serverContext()));
                byte[] body = TestTokens.jwkSetJson().getBytes(StandardCharsets.UTF_8);
                jwks.createContext("/oauth2/jwks", exchange -> {
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                jwks.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jwks;
    }
}
