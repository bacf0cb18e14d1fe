package org.footdrop.support.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context at one JVM-wide mongo-java-server and at the embedded broker, so that every
 * test class annotated {@link EmbeddedInfrastructure} shares one cached context.
 */
public class EmbeddedMongoInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final EmbeddedMongo MONGO = new EmbeddedMongo();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String database = "footdrop_"
                + context.getEnvironment()
                        .getProperty("spring.application.name", "test")
                        .replace("-service", "");
        TestPropertyValues.of(
                        "spring.mongodb.uri=" + MONGO.uri(database),
                        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}")
                .applyTo(context);
    }
}
