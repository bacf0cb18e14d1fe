package org.footdrop.fhir.tls;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.footdrop.fhir.ServicesStandIn;
import org.footdrop.support.testing.ComposeTlsOverride;
import org.footdrop.support.testing.EmbeddedMongo;
import org.footdrop.support.testing.TestCertificates;
import org.footdrop.support.testing.TlsInfrastructureInitializer;
import org.footdrop.support.testing.TlsTerminatingProxy;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * docker-compose.tls.yml's environment for the facade, added as a second system environment (so Boot
 * maps SPRING_SSL_BUNDLE_PEM_..., SPRING_MONGODB_SSL_... and SPRING_HTTP_CLIENTS_SSL_BUNDLE as it maps
 * real variables). Only the certificate paths and the addresses move: the store to mongo-java-server
 * behind TLS, the JWK set and the services' https addresses to one HTTPS {@link ServicesStandIn} whose
 * certificate the test CA signed. No Kafka: the facade has none.
 */
class ComposeTlsFacade implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String SERVICE = "fhir-facade";
    private static final List<String> SERVICES =
            List.of("FOOTDROP_INTAKE_URI", "FOOTDROP_TREATMENT_URI", "FOOTDROP_OUTCOMES_URI");

    static final String ISSUER = composeEnvironment().get("FOOTDROP_AUTH_ISSUER");

    private static ServicesStandIn standIn;
    private static TlsTerminatingProxy mongoOverTls;

    static synchronized ServicesStandIn standIn() {
        if (standIn == null) {
            standIn = ServicesStandIn.overTls(TestCertificates.shared().serverContext());
        }
        return standIn;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> variables = new LinkedHashMap<>(composeEnvironment());
        for (String address : SERVICES) {
            variables.put(address, standIn().baseUri());
        }
        variables.put("FOOTDROP_AUTH_JWKS_URI", standIn().baseUri() + "/oauth2/jwks");
        variables.put("MONGODB_URI", "mongodb://localhost:" + mongoOverTls().port() + "/footdrop_fhir");
        context.getEnvironment()
                .getPropertySources()
                .addBefore(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource("compose-tls-systemEnvironment", variables));
    }

    /** The override's environment, every address it names checked to be https before it is moved. */
    static Map<String, String> composeEnvironment() {
        Map<String, String> environment = ComposeTlsOverride.environment(
                SERVICE,
                TlsInfrastructureInitializer.CONTAINER_TLS_DIR,
                TestCertificates.shared().dir());
        for (String address : List.of(
                "FOOTDROP_INTAKE_URI", "FOOTDROP_TREATMENT_URI", "FOOTDROP_OUTCOMES_URI", "FOOTDROP_AUTH_JWKS_URI")) {
            String value = String.valueOf(environment.get(address));
            if (!value.startsWith("https://")) {
                throw new IllegalStateException(ComposeTlsOverride.FILE + ": " + address + " is not https: " + value);
            }
        }
        return environment;
    }

    private static synchronized TlsTerminatingProxy mongoOverTls() {
        if (mongoOverTls == null) {
            EmbeddedMongo mongo = new EmbeddedMongo();
            mongoOverTls = new TlsTerminatingProxy(
                    TestCertificates.shared().serverContext(),
                    new InetSocketAddress(
                            InetAddress.getLoopbackAddress(),
                            URI.create(mongo.uri("x")).getPort()));
        }
        return mongoOverTls;
    }
}
