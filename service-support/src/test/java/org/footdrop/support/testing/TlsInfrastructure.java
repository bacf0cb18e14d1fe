package org.footdrop.support.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The service started the way docker-compose.tls.yml starts it: the override's environment for
 * this service, with its certificate paths pointing at {@link TestCertificates} and its addresses
 * at an SSL broker ({@link TlsKafkaBroker}), mongo-java-server behind TLS ({@link TlsTerminatingProxy})
 * and the test JWK set served over HTTPS. Runs on any machine with a JDK.
 */
@Tag("infrastructure")
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TlsInfrastructureInitializer.class)
public @interface TlsInfrastructure {}
