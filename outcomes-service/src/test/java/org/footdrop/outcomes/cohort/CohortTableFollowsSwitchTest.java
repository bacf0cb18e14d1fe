package org.footdrop.outcomes.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.footdrop.contract.EventCodec;
import org.footdrop.contract.EventType;
import org.footdrop.outcomes.projection.PatientOutcomeStore;
import org.footdrop.outcomes.testing.GoldenEvents;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

/**
 * When another instance switches the projection to a collection it rebuilt, this instance's cohort table is read
 * again from that collection: patients the rebuild left out leave the figures, and come back with the next switch.
 */
@EmbeddedInfrastructure
class CohortTableFollowsSwitchTest {

    @LocalServerPort
    int port;

    @Value("#{@embeddedKafka.brokersAsString}")
    String brokers;

    @Autowired
    EventCodec codec;

    @Autowired
    PatientOutcomeStore store;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CohortTable table;

    @Test
    void shouldReadTheCohortTableAgainWhenAnotherInstanceSwitchesCollections() {
        // given two patients projected and in the cohort table
        Http http = new Http(port);
        String kept = "pt-switch-kept-" + Instant.now().toEpochMilli();
        String leftOut = "pt-switch-left-out-" + Instant.now().toEpochMilli();
        for (String patientId : List.of(kept, leftOut)) {
            new GoldenEvents(brokers, codec)
                    .publish(
                            patientId,
                            EventType
                                    .INJECTION_ADMINISTERED); // treated, no diagnosis nor baseline: on the data-quality
            // list
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> http.get("/api/v1/patients/{p}/outcomes", patientId)
                                    .getStatusCode()
                                    .value()
                            == 200);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> named(http, kept) && named(http, leftOut));
        int rows = table.rows().size();
        String previous = store.activeCollection();
        String rebuilt = previous + "_switch_test";

        // when another instance switches to a collection it rebuilt without one of them
        mongo.findAll(Document.class, previous).stream()
                .filter(document -> !leftOut.equals(document.get("_id")))
                .forEach(document -> mongo.insert(document, rebuilt));
        try {
            switchTo(rebuilt);

            // then the table follows it within a few seconds, without a restart or the nightly reload
            await().atMost(Duration.ofSeconds(15)).until(() -> !named(http, leftOut));
            assertThat(named(http, kept)).isTrue();
            assertThat(table.rows()).hasSize(rows - 1);
        } finally {
            switchTo(previous);
        }

        // and a switch back brings the patient back
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> named(http, leftOut));
            assertThat(table.rows()).hasSize(rows);
        } finally {
            mongo.dropCollection(rebuilt);
        }
    }

    @Test
    void shouldLoadEveryOtherPatientWhenOneStoredDocumentCannotBeDerived() {
        // given a projected patient, and a document changed by hand into something no patient is
        Http http = new Http(port);
        String patientId = "pt-beside-broken-" + Instant.now().toEpochMilli();
        new GoldenEvents(brokers, codec).publish(patientId, EventType.INJECTION_ADMINISTERED);
        await().atMost(Duration.ofSeconds(30)).until(() -> named(http, patientId));
        String broken = "pt-broken-" + Instant.now().toEpochMilli();
        mongo.insert(new Document("_id", broken).append("diagnoses", "not records"), store.activeCollection());
        try {
            int rows = table.rows().size();

            // when the table is read again (daily, after a switch, at start)
            table.reload();

            // then every other patient is in it, and the document is left out rather than stopping the load
            assertThat(table.isLoaded()).isTrue();
            assertThat(table.rows()).hasSize(rows);
            assertThat(named(http, patientId)).isTrue();
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").is(broken)), store.activeCollection());
        }
    }

    /** Whether the clinicians' data-quality list names the patient (an injection alone fails two checks). */
    private static boolean named(Http http, String patientId) {
        JsonNode report =
                http.get("/api/v1/data-quality?patientId={p}", patientId).getBody();
        for (JsonNode check : report.path("checks")) {
            for (JsonNode named : check.path("patientIds")) {
                if (patientId.equals(named.asString())) {
                    return true;
                }
            }
        }
        return false;
    }

    private void switchTo(String collection) {
        mongo.upsert(
                Query.query(Criteria.where("_id").is("collections")),
                new Update().set("active", collection),
                "projection_settings");
    }
}
