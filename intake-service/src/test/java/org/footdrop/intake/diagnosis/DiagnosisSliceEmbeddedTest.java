package org.footdrop.intake.diagnosis;

import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Value;

/** The slice on the in-process KRaft broker and mongo-java-server: runs everywhere. */
@EmbeddedInfrastructure
class DiagnosisSliceEmbeddedTest extends DiagnosisSliceContract {

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Override
    String kafkaBootstrap() {
        return brokers;
    }
}
