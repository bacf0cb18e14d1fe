package org.footdrop.intake.diagnosis;

import org.footdrop.contract.Topics;
import org.footdrop.support.testing.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The slice on the in-process KRaft broker and mongo-java-server: runs everywhere. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 6, topics = Topics.INTAKE_EVENTS)
class DiagnosisSliceEmbeddedTest extends DiagnosisSliceContract {

    static final EmbeddedMongo MONGO = new EmbeddedMongo();

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.uri("footdrop_intake"));
        registry.add("spring.kafka.bootstrap-servers", () -> "${spring.embedded.kafka.brokers}");
    }

    @AfterAll
    static void stopStore() {
        MONGO.close();
    }

    @Override
    String kafkaBootstrap() {
        return brokers;
    }
}
