package org.footdrop.outcomes.messaging;

import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Value;

/** The projection slice on the in-process KRaft broker and mongo-java-server: runs everywhere. */
@EmbeddedInfrastructure
class ProjectionSliceEmbeddedTest extends ProjectionSliceContract {

    @Value("#{@embeddedKafka.brokersAsString}") // this context's broker: the global property names the last one started
    String brokers;

    @Override
    String kafkaBootstrap() {
        return brokers;
    }
}
