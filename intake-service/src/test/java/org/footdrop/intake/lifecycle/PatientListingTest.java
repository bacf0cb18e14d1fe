package org.footdrop.intake.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.footdrop.contract.EventJson;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A patient's records listed without scanning, and the request bodies the intake lifecycle tests
 * use. (Corrections, retries and event shapes: the shared RecordLifecycleContract.)
 */
@EmbeddedInfrastructure
class PatientListingTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void shouldListAPatientsRecordsOldestFirstWithVoidedOnesMarked() {
        String patientId = "pt-" + UUID.randomUUID();
        String first = post("diagnoses", body("diagnoses", patientId), null)
                .getBody()
                .get("diagnosisId")
                .asString();
        String second = post("diagnoses", amendedBody("diagnoses", patientId), null)
                .getBody()
                .get("diagnosisId")
                .asString();
        http.send("DELETE", "/api/v1/diagnoses/" + first, "{\"reason\":\"wrong patient\"}");

        JsonNode list = http.get("/api/v1/patients/{p}/diagnoses", patientId).getBody();

        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("diagnosisId").asString()).isEqualTo(first);
        assertThat(list.get(0).get("status").asString()).isEqualTo("VOIDED");
        assertThat(list.get(1).get("diagnosisId").asString()).isEqualTo(second);
        assertThat(http.get("/api/v1/patients/{p}/diagnoses", "pt-nobody-" + UUID.randomUUID())
                        .getBody())
                .isEmpty();
    }

    ResponseEntity<JsonNode> post(String records, ObjectNode body, String key) {
        ResponseEntity<JsonNode> response =
                http.send("POST", "/api/v1/" + records, body.toString(), "Idempotency-Key", key);
        assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(201);
        return response;
    }

    static ObjectNode body(String records, String patientId) {
        ObjectNode body = EventJson.mapper().createObjectNode().put("patientId", patientId);
        if (records.equals("diagnoses")) {
            return body.put("side", "RIGHT").put("diagnosisDate", "2026-02-10").put("causeCategory", "SCIATIC_NERVE");
        }
        body.put("assessedAt", "2026-03-02T09:00:00Z").put("kind", "BASELINE").put("side", "RIGHT");
        body.putObject("measures").put("mrcAnkleDorsiflexion", "3").put("gaitSpeedComfortable", 0.62);
        return body;
    }

    static ObjectNode amendedBody(String records, String patientId) {
        ObjectNode body = body(records, patientId);
        if (records.equals("diagnoses")) {
            return body.put("side", "LEFT");
        }
        ((ObjectNode) body.get("measures")).put("mrcAnkleDorsiflexion", "3+");
        return body;
    }
}
