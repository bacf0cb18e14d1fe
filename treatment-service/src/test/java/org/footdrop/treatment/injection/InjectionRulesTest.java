package org.footdrop.treatment.injection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.footdrop.treatment.TreatmentBodies.asCaudal;
import static org.footdrop.treatment.TreatmentBodies.asTransforaminal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.footdrop.contract.EventJson;
import org.footdrop.support.web.FieldProblem;
import org.footdrop.treatment.TreatmentBodies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The clinic's rules for an injection, each with its failing case, on the default limits. Cases
 * within the rules go through the controller in InjectionValidationSliceTest, which also checks
 * that these problems answer 400 problem+json.
 */
class InjectionRulesTest {

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
                        i -> asTransforaminal(i).put("guidance", "ULTRASOUND"),
                        "guidance"),
                fail(
                        "transforaminal of the fibular nerve",
                        i -> asTransforaminal(i).put("target", "FIBULAR_NERVE").remove("targetLevel"),
                        "target"),
                fail("transforaminal without level", i -> asTransforaminal(i).remove("targetLevel"), "targetLevel"),
                fail("transforaminal under 0.5 mL", i -> asTransforaminal(i).put("volumeMl", 0.4), "volumeMl"),
                fail("transforaminal over 10 mL", i -> asTransforaminal(i).put("volumeMl", 10.1), "volumeMl"),
                fail(
                        "caudal of the sciatic nerve",
                        i -> asCaudal(i).put("target", "SCIATIC_NERVE").remove("targetLevel"),
                        "target"),
                fail("caudal under 5 mL", i -> asCaudal(i).put("volumeMl", 4.9), "volumeMl"),
                fail("caudal over 40 mL", i -> asCaudal(i).put("volumeMl", 40.1), "volumeMl"),
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
                        "administered in the future",
                        i -> i.put("administeredAt", "2999-01-01T10:00:00Z"),
                        "administeredAt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failing")
    void shouldRefuseAnInjectionOutsideTheRulesNamingTheField(String rule, Consumer<ObjectNode> change, String field) {
        // given a valid injection changed to break one rule
        ObjectNode injection = TreatmentBodies.injection("pt-" + UUID.randomUUID(), "2026-03-02T10:05:00Z");
        change.accept(injection);

        // when
        List<FieldProblem> problems = check(injection);

        // then
        assertThat(problems).extracting(FieldProblem::field).contains(field);
        assertThat(problems).extracting(FieldProblem::reason).allMatch(reason -> !reason.isBlank());
    }

    @Test
    void shouldRejectTransforaminalInjectionWithoutFluoroscopy() {
        ObjectNode injection = asTransforaminal(TreatmentBodies.injection("pt-1", "2026-03-02T10:05:00Z"))
                .put("guidance", "ULTRASOUND");

        assertThat(check(injection))
                .containsExactly(new FieldProblem("guidance", "a transforaminal epidural must be FLUOROSCOPY-guided"));
    }

    @Test
    void shouldAcceptAnInjectionAFewMinutesAheadOfTheClockAsClockSkew() {
        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        ObjectNode injection = TreatmentBodies.injection("pt-1", "2026-03-02T10:04:00Z");

        assertThat(InjectionRules.check(request(injection), InjectionLimits.defaults(), now))
                .isEmpty();
    }

    private static List<FieldProblem> check(ObjectNode injection) {
        return InjectionRules.check(request(injection), InjectionLimits.defaults(), Instant.now());
    }

    private static InjectionRequest request(ObjectNode injection) {
        return EventJson.mapper().treeToValue(injection, InjectionRequest.class);
    }

    private static Arguments fail(String rule, Consumer<ObjectNode> change, String field) {
        return Arguments.of(rule, change, field);
    }
}
