package org.footdrop.intake.diagnosis;

import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Value;

/** The slice on the in-process KRaft broker and mongo-java-server: runs everywhere. */
@EmbeddedInfrastructure
class DiagnosisSliceEmbeddedTest extends DiagnosisSliceContract {

    @Value("#{@embeddedKafka.brokersAsString}") // this context's broker: the global property names the last one started
    String brokers;

    @Override
    String kafkaBootstrap() {
        return brokers;
    }
}
