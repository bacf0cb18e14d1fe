package org.footdrop.treatment.injection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.footdrop.support.testing.EmbeddedInfrastructure;
import org.footdrop.support.testing.Http;
import org.footdrop.treatment.TreatmentBodies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Each clinical rule for injections with a passing and a failing case. */
@EmbeddedInfrastructure
class InjectionRuleMatrixTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    static Stream<Arguments> passing() {
        return Stream.of(
                pass("hydrodissection, ultrasound, fibular nerve", i -> {}),
                pass("hydrodissection of the sciatic nerve", i -> i.put("target", "SCIATIC_NERVE")),
                pass("hydrodissection at 1 mL", i -> i.put("volumeMl", 1)),
                pass("hydrodissection at 40 mL", i -> i.put("volumeMl", 40)),
                pass("transforaminal, fluoroscopy, L5 root", i -> transforaminal(i)),
                pass("transforaminal at 0.5 mL", i -> transforaminal(i).put("volumeMl", 0.5)),
                pass("transforaminal at 10 mL", i -> transforaminal(i).put("volumeMl", 10)),
                pass("caudal under ultrasound", i -> caudal(i).put("guidance", "ULTRASOUND")),
                pass("caudal under fluoroscopy", i -> caudal(i).put("guidance", "FLUOROSCOPY")),
                pass("caudal at 5 mL", i -> caudal(i).put("volumeMl", 5)),
                pass("caudal at 40 mL", i -> caudal(i).put("volumeMl", 40)),
                pass("duration 1 minute", i -> i.put("durationMinutes", 1)),
                pass("duration 240 minutes", i -> i.put("durationMinutes", 240)),
                pass("PRP leukocyte-poor", i -> i.put("solution", "PRP").put("prpLeukocytes", "LEUKOCYTE_POOR")),
                pass(
                        "OTHER adverse event with a note",
                        i -> i.putArray("adverseEvents")
                                .addObject()
                                .put("type", "OTHER")
                                .put("severity", "MILD")
                                .put("resolved", true)
                                .put("note", "headache")),
                pass(
                        "known CPT codes",
                        i -> i.putArray("cptCodes").add("64450").add("76942").add("0232T")));
    }

    static Stream<Arguments> failing() {
        return Stream.of(
                fail("hydrodissection under fluoroscopy", i -> i.put("guidance", "FLUOROSCOPY"), "guidance"),
                fail(
                        "hydrodissection of a nerve root",
                        i -> i.put("target", "NERVE_ROOT").put("targetLevel", "L5"),
                        "target"),
                fail("hydrodissection under 1 mL", i -> i.put("volumeMl", 0.9), "volumeMl"),
                fail("hydrodissection over 40 mL", i -> i.put("volumeMl", 40.1), "volumeMl"),
                fail(
                        "transforaminal under ultrasound",
                        i -> transforaminal(i).put("guidance", "ULTRASOUND"),
                        "guidance"),
                fail(
                        "transforaminal of the fibular nerve",
                        i -> transforaminal(i).put("target", "FIBULAR_NERVE").remove("targetLevel"),
                        "target"),
                fail("transforaminal without level", i -> transforaminal(i).remove("targetLevel"), "targetLevel"),
                fail("transforaminal under 0.5 mL", i -> transforaminal(i).put("volumeMl", 0.4), "volumeMl"),
                fail("transforaminal over 10 mL", i -> transforaminal(i).put("volumeMl", 10.1), "volumeMl"),
                fail(
                        "caudal of the sciatic nerve",
                        i -> caudal(i).put("target", "SCIATIC_NERVE").remove("targetLevel"),
                        "target"),
                fail("caudal under 5 mL", i -> caudal(i).put("volumeMl", 4.9), "volumeMl"),
                fail("caudal over 40 mL", i -> caudal(i).put("volumeMl", 40.1), "volumeMl"),
                fail("duration 0 minutes", i -> i.put("durationMinutes", 0), "durationMinutes"),
                fail("duration over 240 minutes", i -> i.put("durationMinutes", 241), "durationMinutes"),
                fail("level on a peripheral nerve", i -> i.put("targetLevel", "L4"), "targetLevel"),
                fail("leukocytes with dextrose", i -> i.put("prpLeukocytes", "LEUKOCYTE_RICH"), "prpLeukocytes"),
                fail(
                        "OTHER adverse event without a note",
                        i -> i.putArray("adverseEvents")
                                .addObject()
                                .put("type", "OTHER")
                                .put("severity", "MILD")
                                .put("resolved", true),
                        "adverseEvents[0].note"),
                fail(
                        "note on a named adverse event",
                        i -> i.putArray("adverseEvents")
                                .addObject()
                                .put("type", "VASOVAGAL")
                                .put("severity", "MODERATE")
                                .put("resolved", true)
                                .put("note", "x"),
                        "adverseEvents[0].note"),
                fail(
                        "severity missing",
                        i -> i.putArray("adverseEvents")
                                .addObject()
                                .put("type", "VASOVAGAL")
                                .put("resolved", true),
                        "adverseEvents[0].severity"),
                fail("CPT code malformed", i -> i.putArray("cptCodes").add("6445"), "cptCodes[0]"),
                fail("volume finer than 0.1 mL", i -> i.put("volumeMl", 10.55), "volumeMl"),
                fail(
                        "administered in the future",
                        i -> i.put("administeredAt", "2999-01-01T10:00:00Z"),
                        "administeredAt"),
                fail("technique unknown", i -> i.put("technique", "ACUPUNCTURE"), "technique"),
                fail("solution missing", i -> i.remove("solution"), "solution"),
                fail("side missing", i -> i.remove("side"), "side"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passing")
    void shouldAcceptAnInjectionWithinTheRules(String rule, Consumer<ObjectNode> change) {
        ObjectNode injection = TreatmentBodies.injection("pt-" + UUID.randomUUID(), "2026-03-02T10:05:00Z");
        change.accept(injection);

        ResponseEntity<JsonNode> response = http.send("POST", "/api/v1/injections", injection.toString());

        assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failing")
    void shouldRefuseAnInjectionOutsideTheRulesNamingTheField(String rule, Consumer<ObjectNode> change, String field) {
        ObjectNode injection = TreatmentBodies.injection("pt-" + UUID.randomUUID(), "2026-03-02T10:05:00Z");
        change.accept(injection);

        ResponseEntity<JsonNode> response = http.send("POST", "/api/v1/injections", injection.toString());

        assertThat(response.getStatusCode().value()).as(response.toString()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("errors").findValuesAsString("field")).contains(field);
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

    private static ObjectNode transforaminal(ObjectNode i) {
        return i.put("technique", "TRANSFORAMINAL_EPIDURAL")
                .put("target", "NERVE_ROOT")
                .put("targetLevel", "L5")
                .put("guidance", "FLUOROSCOPY")
                .put("volumeMl", 3);
    }

    private static ObjectNode caudal(ObjectNode i) {
        return i.put("technique", "CAUDAL_EPIDURAL")
                .put("target", "NERVE_ROOT")
                .put("guidance", "FLUOROSCOPY")
                .put("volumeMl", 20);
    }

    private static Arguments pass(String rule, Consumer<ObjectNode> change) {
        return Arguments.of(rule, change);
    }

    private static Arguments fail(String rule, Consumer<ObjectNode> change, String field) {
        return Arguments.of(rule, change, field);
    }
}
