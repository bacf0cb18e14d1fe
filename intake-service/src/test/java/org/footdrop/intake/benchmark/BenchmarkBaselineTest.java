package org.footdrop.intake.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The raw-insert baseline writes what it says: k commands' worth of documents, the last one padded. */
@EmbeddedInfrastructure
@TestPropertySource(properties = "footdrop.benchmark.baseline.enabled=true")
class BenchmarkBaselineTest {

    private static final String BODY = "{\"patientId\":\"pt-bench\",\"side\":\"LEFT\"}";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void shouldInsertKDocumentsThePaddedOneLast() {
        // given the counts before
        long small = mongo.getCollection(BenchmarkBaselineController.SMALL_COLLECTION)
                .countDocuments();
        long padded =
                mongo.getCollection(BenchmarkBaselineController.COLLECTION).countDocuments();

        // when a request asks for 4 inserts padded by 700 bytes
        ResponseEntity<JsonNode> response =
                new Http(port).send("POST", "/api/v1/benchmark/raw-inserts?padBytes=700&inserts=4", BODY);

        // then three small documents and one padded one were stored
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(mongo.getCollection(BenchmarkBaselineController.SMALL_COLLECTION)
                        .countDocuments())
                .isEqualTo(small + 3);
        assertThat(mongo.getCollection(BenchmarkBaselineController.COLLECTION).countDocuments())
                .isEqualTo(padded + 1);
        Document last = mongo.getCollection(BenchmarkBaselineController.COLLECTION)
                .find()
                .filter(new Document("body.patientId", "pt-bench"))
                .first();
        assertThat(last.getString("pad")).hasSize(700);
    }

    @Test
    void shouldRefuseAnInsertCountOutOfRangeAsProblemJson() {
        long small = mongo.getCollection(BenchmarkBaselineController.SMALL_COLLECTION)
                .countDocuments();
        long padded =
                mongo.getCollection(BenchmarkBaselineController.COLLECTION).countDocuments();
        // when a request asks for 0 or 17 inserts
        for (String inserts : new String[] {"0", "17"}) {
            ResponseEntity<JsonNode> response =
                    new Http(port).send("POST", "/api/v1/benchmark/raw-inserts?inserts=" + inserts, BODY);

            // then it is refused, naming the parameter, and nothing is stored
            assertThat(response.getStatusCode().value()).isEqualTo(400);
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(response.getBody().toString()).contains("inserts");
        }
        assertThat(mongo.getCollection(BenchmarkBaselineController.SMALL_COLLECTION)
                        .countDocuments())
                .isEqualTo(small);
        assertThat(mongo.getCollection(BenchmarkBaselineController.COLLECTION).countDocuments())
                .isEqualTo(padded);
    }
}
