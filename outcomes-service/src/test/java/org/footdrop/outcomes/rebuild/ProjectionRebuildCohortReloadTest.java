package org.footdrop.outcomes.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.footdrop.contract.Topics;
import org.footdrop.outcomes.cohort.CohortTable;
import org.footdrop.outcomes.messaging.EventReader;
import org.footdrop.outcomes.projection.PatientOutcomeStore;
import org.footdrop.outcomes.projection.ProjectionCollections;
import org.footdrop.outcomes.projection.ProjectionSwitched;
import org.footdrop.support.testing.EmbeddedMongo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Once a rebuild has switched, it has succeeded: a cohort table that cannot be read again at that
 * moment is read again in the background, not reported as a failed rebuild whose switch stands.
 */
@Tag("infrastructure")
class ProjectionRebuildCohortReloadTest {

    @Test
    void shouldReportASwitchedRebuildAndReadTheCohortTableAgainInTheBackgroundWhenThatFailsAtFirst() {
        EmbeddedKafkaKraftBroker broker =
                new EmbeddedKafkaKraftBroker(1, 1, Topics.INTAKE_EVENTS, Topics.TREATMENT_EVENTS);
        broker.afterPropertiesSet();
        try (EmbeddedMongo embedded = new EmbeddedMongo();
                MongoClient client = MongoClients.create(embedded.uri("rebuild"))) {
            MongoTemplate mongo = new MongoTemplate(client, "rebuild");
            ProjectionCollections collections = new ProjectionCollections(mongo, Clock.systemUTC(), event -> {});
            CohortTable cohort = mock(CohortTable.class);
            doThrow(new DataAccessResourceFailureException("the store is away for a moment"))
                    .when(cohort)
                    .reload();
            List<Object> published = Collections.synchronizedList(new ArrayList<>());
            KafkaProperties kafka = new KafkaProperties();
            kafka.setBootstrapServers(List.of(broker.getBrokersAsString()));
            ProjectionRebuild rebuild = new ProjectionRebuild(
                    collections,
                    new PatientOutcomeStore(mongo, collections),
                    mock(EventReader.class),
                    cohort,
                    published::add,
                    kafka,
                    Clock.systemUTC(),
                    new SimpleMeterRegistry(),
                    Duration.ofSeconds(30));

            // when a rebuild of the (empty) topics switches, and the cohort table cannot be read just then
            assertThat(rebuild.start()).isTrue();
            ProjectionRebuild.Status finished = await().atMost(Duration.ofSeconds(60))
                    .until(rebuild::status, status -> !status.state().equals("REPLAYING"));

            // then the rebuild says it switched, and the table is handed to the background reload
            assertThat(finished.state()).isEqualTo("SWITCHED");
            assertThat(collections.active()).isEqualTo(finished.target());
            assertThat(published).containsExactly(new ProjectionSwitched(finished.target()));
        } finally {
            broker.destroy();
        }
    }
}
