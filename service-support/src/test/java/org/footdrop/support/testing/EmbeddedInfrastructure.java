package org.footdrop.support.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.footdrop.contract.Topics;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * The service on real HTTP with the in-process KRaft broker and mongo-java-server: runs on any
 * machine. Every class with this annotation shares one application context.
 */
@Tag("infrastructure")
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(
        partitions = Topics.PARTITIONS,
        topics = {Topics.INTAKE_EVENTS, Topics.TREATMENT_EVENTS, Topics.OUTCOMES_DLQ})
@ContextConfiguration(initializers = {EmbeddedMongoInitializer.class, TestAuthInitializer.class})
public @interface EmbeddedInfrastructure {}
