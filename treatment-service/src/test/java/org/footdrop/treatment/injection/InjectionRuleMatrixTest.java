package org.footdrop.treatment.injection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.footdrop.treatment.TreatmentBodies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Injections on the running service: one stored within the rules, one refused by a rule, and the
 * warnings that need the patient's stored series. Each rule's cases are in InjectionRulesTest and
 * InjectionValidationSliceTest.
 */
@EmbeddedInfrastructure
class InjectionRuleMatrixTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void shouldStoreAnInjectionWithinTheRules() {
        // given a fluoroscopy-guided transforaminal epidural
        ObjectNode injection = TreatmentBodies.transforaminal("pt-" + UUID.randomUUID(), "2026-03-02T10:05:00Z");

        // when
        ResponseEntity<JsonNode> response = http.send("POST", "/api/v1/injections", injection.toString());

        // then it is stored and can be read back
        assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(201);
        assertThat(http.get(response.getHeaders().getLocation().getPath())
                        .getBody()
                        .get("technique")
                        .asString())
                .isEqualTo("TRANSFORAMINAL_EPIDURAL");
    }

    @Test
    void shouldRefuseATransforaminalInjectionUnderUltrasoundNamingTheField() {
        // given a transforaminal epidural under ultrasound
        ObjectNode injection = TreatmentBodies.transforaminal("pt-" + UUID.randomUUID(), "2026-03-02T10:05:00Z")
                .put("guidance", "ULTRASOUND");

        // when
        ResponseEntity<JsonNode> response = http.send("POST", "/api/v1/injections", injection.toString());

        // then
        assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors").findValuesAsString("field")).contains("guidance");
    }

    @Test
    void shouldWarnButAcceptTypicalValuesExceeded() {
        // given a patient with three epidurals in the last months
        String patientId = "pt-" + UUID.randomUUID();
        for (String day : new String[] {"2026-01-05", "2026-02-02", "2026-03-02"}) {
            http.send(
                    "POST",
                    "/api/v1/injections",
                    TreatmentBodies.transforaminal(patientId, day + "T10:00:00Z")
                            .toString());
        }

        // when a fourth follows ten days later, lasting 75 minutes, with an unknown CPT code
        ObjectNode fourth = TreatmentBodies.transforaminal(patientId, "2026-03-12T10:00:00Z")
                .put("durationMinutes", 75);
        fourth.putArray("cptCodes").add("99999");
        ResponseEntity<JsonNode> response = http.send("POST", "/api/v1/injections", fourth.toString());

        // then it is stored, with four warnings
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getBody().get("warnings").valueStream().map(JsonNode::asString))
                .anyMatch(w -> w.startsWith("durationMinutes: 75 minutes is outside the typical 20-60"))
                .anyMatch(w -> w.startsWith("administeredAt: 10 days"))
                .anyMatch(w -> w.startsWith("technique: 4 epidural sessions within 182 days"))
                .anyMatch(w -> w.startsWith("cptCodes: 99999"));
    }

    @Test
    void shouldNotWarnAboutATypicalInjection() {
        ResponseEntity<JsonNode> response = http.send(
                "POST",
                "/api/v1/injections",
                TreatmentBodies.injection("pt-" + UUID.randomUUID(), "2026-03-02T10:05:00Z")
                        .toString());

        assertThat(response.getBody().has("warnings")).isFalse();
    }
}
